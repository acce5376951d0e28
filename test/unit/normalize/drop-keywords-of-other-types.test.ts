import { describe, expect, it } from "vitest";
import { dropKeywordsOfOtherTypes } from "../../../generator/normalize/passes/drop-keywords-of-other-types.ts";
import { apply } from "../helpers.ts";
import { at, withResponseSchema } from "./fixtures.ts";

const PARAM = "#/paths/~1t~1{id}/get/parameters/0/schema";
const withParamSchema = (schema: unknown) =>
  withResponseSchema(
    {},
    { "/t/{id}": { get: { parameters: [{ name: "id", in: "path", required: true, schema }], responses: {} } } },
  );

describe("drop-keywords-of-other-types", () => {
  it.each([
    [
      "number bounds on a string id",
      { type: "string", format: "uuid", minimum: 1 },
      { type: "string", format: "uuid" },
      ["minimum"],
    ],
    [
      "every numeric keyword on a string",
      { type: "string", minimum: 1, maximum: 2, exclusiveMinimum: true, exclusiveMaximum: true, multipleOf: 2 },
      { type: "string" },
      ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"],
    ],
    [
      "string keywords on a number",
      { type: "integer", minLength: 1, pattern: "^\\d$", minimum: 0 },
      { type: "integer", minimum: 0 },
      ["minLength", "pattern"],
    ],
    [
      "array keywords on an object",
      { type: "object", minItems: 1, uniqueItems: true },
      { type: "object" },
      ["minItems", "uniqueItems"],
    ],
    [
      "keywords of the declared type stay",
      { type: "number", minimum: 0, maximum: 1 },
      { type: "number", minimum: 0, maximum: 1 },
      [],
    ],
    ["untyped schemas are left alone", { minimum: 1, minLength: 1 }, { minimum: 1, minLength: 1 }, []],
  ])("%s", (_, given, want, dropped) => {
    const { doc, report } = apply(dropKeywordsOfOtherTypes, withParamSchema(given));
    expect(at(doc, PARAM)).toEqual(want);
    expect(report.fixes.map((f) => f.pointer)).toEqual(dropped.map((k) => `${PARAM}/${k}`));
    expect(report.warnings).toEqual([]);
  });

  it("says what it dropped", () => {
    const { report } = apply(dropKeywordsOfOtherTypes, withParamSchema({ type: "string", minimum: 1 }));
    expect(report.fixes[0]!.message).toBe("dropped minimum: 1, which does not apply to type string");
  });
});
