// Every TypeScript example of the docs compiles, under strict, against the
// package built from the pinned spec; those that call inference operations
// (which the pinned spec lacks) are checked against the inference fixture's
// package in inference-calls.test.ts.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { callsInference, docExamples, typeCheckExamples } from "./doc-examples.ts";

const root = new URL("../../../", import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), "doc-examples-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the docs' examples", () => {
  const examples = docExamples();

  it("are found in every doc", () => {
    expect(examples.length).toBeGreaterThan(30);
    expect(examples.filter(callsInference).length).toBeGreaterThan(2);
  });

  it("compile against the package built from the pinned spec", () => {
    expect(
      typeCheckExamples(
        join(root, "generated"),
        examples.filter((e) => !callsInference(e)),
        work,
      ),
    ).toBe("");
  }, 120_000);
});
