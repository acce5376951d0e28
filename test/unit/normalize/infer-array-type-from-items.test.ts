import { describe, expect, it } from "vitest";
import { inferArrayTypeFromItems } from "../../../generator/normalize/passes/infer-array-type-from-items.ts";
import { apply } from "../helpers.ts";
import { RESPONSE_SCHEMA, at, withResponseSchema } from "./fixtures.ts";

describe("infer-array-type-from-items", () => {
  it.each([
    ["items without type", { items: { type: "string" } }, { type: "array", items: { type: "string" } }, 1],
    ["already an array", { type: "array", items: { type: "string" } }, { type: "array", items: { type: "string" } }, 0],
    ["another declared type wins", { type: "object", items: {} }, { type: "object", items: {} }, 0],
    ["no items", { description: "x" }, { description: "x" }, 0],
  ])("%s", (_, given, want, fixes) => {
    const { doc, report } = apply(
      inferArrayTypeFromItems,
      withResponseSchema({ type: "object", properties: { v: given } }),
    );
    expect(at(doc, `${RESPONSE_SCHEMA}/properties/v`)).toEqual(want);
    expect(report.fixes).toHaveLength(fixes);
  });

  it("reports where", () => {
    const { report } = apply(inferArrayTypeFromItems, withResponseSchema({ items: {} }));
    expect(report.fixes).toEqual([{ message: "added type: array to a schema with items", pointer: RESPONSE_SCHEMA }]);
  });
});
