import { describe, expect, it } from "vitest";
import { runPass } from "../../../generator/normalize/pass.ts";
import { requirePathParameters } from "../../../generator/normalize/passes/require-path-parameters.ts";
import { apply, spec } from "../helpers.ts";
import { pinnedSpec } from "./fixtures.ts";

const id = { name: "id", in: "path", required: true, schema: { type: "integer" } };

describe("require-path-parameters", () => {
  it.each([
    ["declared and required: unchanged", { parameters: [id] }, { parameters: [id] }, { fixes: 0, warnings: 0 }],
    [
      "missing required: set",
      { parameters: [{ ...id, required: undefined }] },
      { parameters: [id] },
      { fixes: 1, warnings: 0 },
    ],
    [
      "required: false: set",
      { parameters: [{ ...id, required: false }] },
      { parameters: [id] },
      { fixes: 1, warnings: 0 },
    ],
    [
      "undeclared: declared as a string",
      {},
      { parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }] },
      { fixes: 1, warnings: 1 },
    ],
    [
      "declared but not in the template: reported",
      { parameters: [id, { ...id, name: "other" }] },
      { parameters: [id, { ...id, name: "other" }] },
      { fixes: 0, warnings: 1 },
    ],
  ])("%s", (_, given, want, counts) => {
    const { doc, report } = apply(
      requirePathParameters,
      spec({ paths: { "/x/{id}": { get: { ...given, responses: {} } } } } as never),
    );
    expect(doc.paths["/x/{id}"]!.get).toEqual({ ...want, responses: {} });
    expect({ fixes: report.fixes.length, warnings: report.warnings.length }).toEqual(counts);
  });

  it("accepts path-item parameters and fixes ref targets in place", () => {
    const given = spec({
      paths: {
        "/a/{id}": { parameters: [{ ...id, required: undefined }], get: { responses: {} } },
        "/b/{id}": { delete: { parameters: [{ $ref: "#/paths/~1a~1{id}/parameters/0" }], responses: {} } },
      },
    } as never);
    const { doc, report } = apply(requirePathParameters, given);
    expect(doc.paths["/a/{id}"]!.parameters).toEqual([id]);
    expect(doc.paths["/b/{id}"]!.delete!.parameters).toEqual([{ $ref: "#/paths/~1a~1{id}/parameters/0" }]);
    expect(report.fixes).toEqual([
      { message: "path parameter id is now required: true", pointer: "#/paths/~1a~1{id}/get" },
    ]);
  });

  it("finds nothing to fix in the pinned spec", () => {
    const { report } = runPass(requirePathParameters, pinnedSpec());
    expect([...report.fixes, ...report.warnings]).toEqual([]);
  });
});
