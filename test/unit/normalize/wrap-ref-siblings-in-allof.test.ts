import { describe, expect, it } from "vitest";
import { wrapRefSiblingsInAllOf } from "../../../generator/normalize/passes/wrap-ref-siblings-in-allof.ts";
import { apply } from "../helpers.ts";
import { RESPONSE_SCHEMA, at, withResponseSchema } from "./fixtures.ts";

const BASE = `${RESPONSE_SCHEMA}/properties/base`;
const base = { type: "object", properties: { ids: { type: "array", items: { type: "integer" } } } };

describe("wrap-ref-siblings-in-allof", () => {
  it.each([
    ["required next to a $ref", { $ref: BASE, required: ["ids"] }, { allOf: [{ $ref: BASE }], required: ["ids"] }, 1],
    ["type next to a $ref", { $ref: BASE, type: "object" }, { allOf: [{ $ref: BASE }], type: "object" }, 1],
    [
      "an existing sibling allOf keeps its indices",
      { $ref: BASE, allOf: [{ required: ["ids"] }] },
      { allOf: [{ required: ["ids"] }, { $ref: BASE }] },
      1,
    ],
    [
      "annotations only",
      { $ref: BASE, description: "d", example: {}, "x-note": 1 },
      { $ref: BASE, description: "d", example: {}, "x-note": 1 },
      0,
    ],
    ["a bare $ref", { $ref: BASE }, { $ref: BASE }, 0],
  ])("%s", (_, given, want, fixes) => {
    const { doc, report } = apply(
      wrapRefSiblingsInAllOf,
      withResponseSchema({ type: "object", properties: { base, use: given } }),
    );
    expect(at(doc, `${RESPONSE_SCHEMA}/properties/use`)).toEqual(want);
    expect(report.fixes).toHaveLength(fixes);
  });

  it("names the ref and the siblings it moved", () => {
    const { report } = apply(
      wrapRefSiblingsInAllOf,
      withResponseSchema({ type: "object", properties: { base, use: { $ref: BASE, required: ["ids"] } } }),
    );
    expect(report.fixes).toEqual([
      {
        message: `moved ${BASE} into allOf so its siblings (required) apply`,
        pointer: `${RESPONSE_SCHEMA}/properties/use`,
      },
    ]);
  });
});
