import { describe, expect, it } from "vitest";
import { renameNonstandardFormats } from "../../../generator/normalize/passes/rename-nonstandard-formats.ts";
import { apply } from "../helpers.ts";
import { RESPONSE_SCHEMA, at, withResponseSchema } from "./fixtures.ts";

describe("rename-nonstandard-formats", () => {
  it.each([
    ["url becomes uri", { type: "string", format: "url" }, { type: "string", format: "uri" }, 1],
    ["uri stays", { type: "string", format: "uri" }, { type: "string", format: "uri" }, 0],
    ["no format", { type: "string" }, { type: "string" }, 0],
  ])("%s", (_, given, want, fixes) => {
    const { doc, report } = apply(
      renameNonstandardFormats,
      withResponseSchema({ type: "object", properties: { v: given } }),
    );
    expect(at(doc, `${RESPONSE_SCHEMA}/properties/v`)).toEqual(want);
    expect(report.fixes).toHaveLength(fixes);
  });

  it("says what it renamed and where", () => {
    const { report } = apply(renameNonstandardFormats, withResponseSchema({ type: "string", format: "url" }));
    expect(report.fixes).toEqual([{ message: 'format "url" renamed "uri"', pointer: `${RESPONSE_SCHEMA}/format` }]);
  });
});
