// The same pinned spec must always give the same package, byte for byte
// (sources, normalised spec and built dist), so a diff of generated/ only ever
// shows changes of the input or of the generator.
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { removeTempDirs, runGenerator, snapshot, tempDir } from "./support/generator-cli.ts";

afterAll(removeTempDirs);

describe("determinism", () => {
  it("generating the pinned spec twice gives byte-identical output", async () => {
    const parent = tempDir("determinism");
    const outs = [join(parent, "first"), join(parent, "second")];
    const results = await Promise.all(outs.map((out) => runGenerator(["--out", out])));
    for (const result of results) {
      expect(result.stderr).not.toContain("generate failed");
      expect(result.code).toBe(0);
    }
    const [first, second] = outs.map(snapshot);
    expect(Object.keys(first!).length).toBeGreaterThan(300);
    expect(Object.keys(first!)).toContain("dist/cjs/index.d.ts");
    expect(second).toEqual(first);
  });
});
