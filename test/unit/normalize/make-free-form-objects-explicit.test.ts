import { describe, expect, it } from "vitest";
import { makeFreeFormObjectsExplicit } from "../../../generator/normalize/passes/make-free-form-objects-explicit.ts";
import { apply } from "../helpers.ts";
import { RESPONSE_SCHEMA, at, validates, withResponseSchema } from "./fixtures.ts";

describe("make-free-form-objects-explicit", () => {
  it.each([
    [
      "a bare object",
      { type: "object", description: "labels" },
      { type: "object", description: "labels", additionalProperties: true },
      1,
    ],
    [
      "a nullable bare object",
      { type: "object", nullable: true },
      { type: "object", nullable: true, additionalProperties: true },
      1,
    ],
    [
      "an object with only required",
      { type: "object", required: ["a"] },
      { type: "object", required: ["a"], additionalProperties: true },
      1,
    ],
    ["an object with properties", { type: "object", properties: {} }, { type: "object", properties: {} }, 0],
    [
      "a closed object",
      { type: "object", additionalProperties: false },
      { type: "object", additionalProperties: false },
      0,
    ],
    ["a composition", { type: "object", allOf: [{}] }, { type: "object", allOf: [{}] }, 0],
    ["not an object", { type: "string" }, { type: "string" }, 0],
  ])("%s", (_, given, want, fixes) => {
    const { doc, report } = apply(
      makeFreeFormObjectsExplicit,
      withResponseSchema({ type: "object", properties: { v: given } }),
    );
    expect(at(doc, `${RESPONSE_SCHEMA}/properties/v`)).toEqual(want);
    expect(report.fixes).toHaveLength(fixes);
  });

  it("does not change what validates, and says where", () => {
    const given = withResponseSchema({ type: "object", required: ["a"] });
    const { doc, report } = apply(makeFreeFormObjectsExplicit, given);
    for (const value of [{ a: 1, b: "x" }, {}, [], "x", null])
      expect(validates(doc, RESPONSE_SCHEMA, value)).toBe(validates(given, RESPONSE_SCHEMA, value));
    expect(report.fixes).toEqual([
      {
        message: "an object schema without properties is open: added additionalProperties: true",
        pointer: RESPONSE_SCHEMA,
      },
    ]);
  });
});
