import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  repairUnicodePatterns,
  toUnicodePattern,
} from "../../../generator/normalize/passes/repair-unicode-patterns.ts";
import { apply } from "../helpers.ts";
import { RESPONSE_SCHEMA, at, withResponseSchema } from "./fixtures.ts";

describe("toUnicodePattern", () => {
  it.each([
    ["^[a-zA-Z0-9_\\-\\:]+$", "^[a-zA-Z0-9_\\-:]+$"],
    ["a\\-b\\@c\\#\\%", "a-b@c#%"],
    ["\\e\\q", "eq"],
    ["a{", "a\\{"],
    ["x{2}y{1,}z{1,3}}", "x{2}y{1,}z{1,3}\\}"],
    ["a]", "a\\]"],
    ["\\x4g\\u12", "x4gu12"],
    ["\\k<a>", "k<a>"],
    ["\\d\\.\\/\\cA\\x41\\u0041\\0", "\\d\\.\\/\\cA\\x41\\u0041\\0"],
    ["^\\d+$", "^\\d+$"],
  ])("%s -> %s", (given, want) => {
    expect(toUnicodePattern(given)).toBe(want);
    expect(() => new RegExp(want, "u")).not.toThrow();
  });

  it.each([["[\\B]"], ["\\8"], ["(?<=a"]])("cannot repair %s", (given) => {
    expect(toUnicodePattern(given)).toBeUndefined();
  });

  it("keeps the language of every repaired pattern", () => {
    const patterns = ["^[a-zA-Z0-9_\\-\\:]+$", "a\\-b\\@c", "x{2}y}", "a]b", "\\:\\;\\,{"];
    const alphabet = fc.constantFrom(..."ab:;,-_@xy{}]2 ".split(""));
    fc.assert(
      fc.property(fc.constantFrom(...patterns), fc.string({ unit: alphabet, maxLength: 8 }), (pattern, text) => {
        const repaired = toUnicodePattern(pattern)!;
        expect(new RegExp(repaired, "u").test(text)).toBe(new RegExp(pattern).test(text));
      }),
    );
  });
});

describe("repair-unicode-patterns", () => {
  it.each([
    [
      "rewrites a legacy pattern",
      { type: "string", pattern: "^[a\\:]+$" },
      { type: "string", pattern: "^[a:]+$" },
      { fixes: 1, warnings: 0 },
    ],
    [
      "drops a pattern it cannot repair",
      { type: "string", pattern: "[\\B]" },
      { type: "string" },
      { fixes: 0, warnings: 1 },
    ],
    [
      "drops a pattern that is no regex at all",
      { type: "string", pattern: "(" },
      { type: "string" },
      { fixes: 0, warnings: 1 },
    ],
    [
      "leaves a valid pattern alone",
      { type: "string", pattern: "^\\d+$" },
      { type: "string", pattern: "^\\d+$" },
      { fixes: 0, warnings: 0 },
    ],
  ])("%s", (_, given, want, counts) => {
    const { doc, report } = apply(
      repairUnicodePatterns,
      withResponseSchema({ type: "object", properties: { name: given } }),
    );
    expect(at(doc, `${RESPONSE_SCHEMA}/properties/name`)).toEqual(want);
    expect({ fixes: report.fixes.length, warnings: report.warnings.length }).toEqual(counts);
  });

  it("repairs parameter schemas too and says where", () => {
    const given = withResponseSchema(
      {},
      {
        "/t/{id}": {
          get: {
            parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", pattern: "\\:" } }],
            responses: {},
          },
        },
      },
    );
    const { doc, report } = apply(repairUnicodePatterns, given);
    expect(at(doc, "#/paths/~1t~1{id}/get/parameters/0/schema/pattern")).toBe(":");
    expect(report.fixes).toEqual([
      { message: 'pattern "\\\\:" -> ":"', pointer: "#/paths/~1t~1{id}/get/parameters/0/schema/pattern" },
    ]);
  });
});
