// spec/model-names.json against the pinned spec: every entry for its layout
// names a shared schema there (a stale one would only be a note elsewhere).
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readSpecData } from "../../../generator/load/spec-data.ts";
import { normalize, normalizePasses } from "../../../generator/normalize/index.ts";
import { pinnedSpec, ROOT } from "./fixtures.ts";

describe("spec/model-names.json on the pinned spec", () => {
  it("names a shared schema with every entry written for its layout", () => {
    const data = readSpecData(join(ROOT));
    const { reports } = normalize(pinnedSpec(), normalizePasses(data));
    const hoist = reports.find((r) => r.pass === "hoist-shared-schemas")!;
    expect(hoist.warnings).toEqual([]);
    expect(hoist.notes ?? []).toEqual([]);
  });
});
