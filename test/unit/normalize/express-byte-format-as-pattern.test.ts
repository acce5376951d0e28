import { describe, expect, it } from "vitest";
import {
  BASE64_PATTERN,
  expressByteFormatAsPattern,
} from "../../../generator/normalize/passes/express-byte-format-as-pattern.ts";
import { apply } from "../helpers.ts";
import { RESPONSE_SCHEMA, at, withResponseSchema } from "./fixtures.ts";

describe("express-byte-format-as-pattern", () => {
  it.each([
    [
      "byte becomes the base64 pattern",
      { type: "string", format: "byte" },
      { type: "string", pattern: BASE64_PATTERN },
      1,
    ],
    [
      "an existing pattern is kept",
      { type: "string", format: "byte", pattern: "^a+$" },
      { type: "string", pattern: "^a+$" },
      1,
    ],
    ["other formats are left alone", { type: "string", format: "uuid" }, { type: "string", format: "uuid" }, 0],
  ])("%s", (_, given, want, fixes) => {
    const { doc, report } = apply(
      expressByteFormatAsPattern,
      withResponseSchema({ type: "object", properties: { v: given } }),
    );
    expect(at(doc, `${RESPONSE_SCHEMA}/properties/v`)).toEqual(want);
    expect(report.fixes).toHaveLength(fixes);
  });

  it.each([
    ["", true],
    ["TWFu", true],
    ["TWE=", true],
    ["TQ==", true],
    ["TQ=", false],
    ["T=Q=", false],
    ["TWFu!", false],
    ["1rS4fZ2nb=", false],
  ])("the pattern accepts exactly base64: %j -> %s", (text, valid) => {
    expect(new RegExp(BASE64_PATTERN, "u").test(text)).toBe(valid);
  });
});
