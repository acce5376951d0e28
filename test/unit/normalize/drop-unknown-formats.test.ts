import { describe, expect, it } from "vitest";
import { dropUnknownFormats } from "../../../generator/normalize/passes/drop-unknown-formats.ts";
import { apply } from "../helpers.ts";
import { RESPONSE_SCHEMA, at, withResponseSchema } from "./fixtures.ts";

describe("drop-unknown-formats", () => {
  it.each([
    ["uint64", { type: "string", format: "uint64" }, { type: "string" }, 1],
    ["cidr", { type: "string", format: "cidr" }, { type: "string" }, 1],
    ["a format named like a type", { type: "string", format: "string" }, { type: "string" }, 1],
    ["a non-string format", { type: "string", format: 7 }, { type: "string" }, 1],
    ["OpenAPI's int64 on a string", { type: "string", format: "int64" }, { type: "string", format: "int64" }, 0],
    ["JSON Schema's uuid", { type: "string", format: "uuid" }, { type: "string", format: "uuid" }, 0],
    ["binary", { type: "string", format: "binary" }, { type: "string", format: "binary" }, 0],
  ])("%s", (_, given, want, fixes) => {
    const { doc, report } = apply(dropUnknownFormats, withResponseSchema({ type: "object", properties: { v: given } }));
    expect(at(doc, `${RESPONSE_SCHEMA}/properties/v`)).toEqual(want);
    expect(report.fixes).toHaveLength(fixes);
  });

  it("reports the format and where it was", () => {
    const { report } = apply(dropUnknownFormats, withResponseSchema({ type: "string", format: "cidr" }));
    expect(report.fixes).toEqual([{ message: 'dropped unknown format "cidr"', pointer: `${RESPONSE_SCHEMA}/format` }]);
  });
});
