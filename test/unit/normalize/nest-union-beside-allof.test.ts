import { describe, expect, it } from "vitest";
import { nestUnionBesideAllOf } from "../../../generator/normalize/passes/nest-union-beside-allof.ts";
import { apply } from "../helpers.ts";
import { at, RESPONSE_SCHEMA, validates, withResponseSchema } from "./fixtures.ts";

const named = { type: "object", required: ["volume_name"], properties: { volume_name: { type: "string" } } };
const attach = { type: "object", required: ["type"], properties: { type: { enum: ["attach"] } } };
const detach = { type: "object", required: ["type"], properties: { type: { enum: ["detach"] } } };
const discriminator = { propertyName: "type" };

describe("nest-union-beside-allof", () => {
  it.each(["anyOf", "oneOf"])("moves an %s beside allOf, with its discriminator, into the allOf", (union) => {
    const given = withResponseSchema({ [union]: [attach, detach], discriminator, allOf: [named], description: "d" });
    const { doc, report } = apply(nestUnionBesideAllOf, given);
    expect(at(doc, RESPONSE_SCHEMA)).toEqual({
      allOf: [named, { [union]: [attach, detach], discriminator }],
      description: "d",
    });
    expect(report.fixes).toHaveLength(1);
  });

  it("accepts and refuses the same values", () => {
    const given = withResponseSchema({ anyOf: [attach, detach], allOf: [named] });
    const fixed = apply(nestUnionBesideAllOf, given).doc;
    for (const value of [{ type: "attach", volume_name: "v" }, { type: "detach" }, { volume_name: "v" }, {}])
      expect(validates(fixed, RESPONSE_SCHEMA, value)).toBe(validates(given, RESPONSE_SCHEMA, value));
    expect(validates(fixed, RESPONSE_SCHEMA, { type: "detach" })).toBe(false);
  });

  it.each([
    ["a lone allOf", { allOf: [named] }],
    ["a lone anyOf", { anyOf: [attach, detach] }],
  ])("leaves %s alone", (_, schema) => {
    const { doc, report } = apply(nestUnionBesideAllOf, withResponseSchema(schema));
    expect(at(doc, RESPONSE_SCHEMA)).toEqual(schema);
    expect(report.fixes).toEqual([]);
  });

  it("moves refs into the union along", () => {
    const given = withResponseSchema(
      { anyOf: [attach, detach], allOf: [named] },
      {
        "/y": {
          get: {
            responses: {
              "200": {
                description: "ok",
                content: { "application/json": { schema: { $ref: `${RESPONSE_SCHEMA}/anyOf/1` } } },
              },
            },
          },
        },
      },
    );
    const { doc } = apply(nestUnionBesideAllOf, given);
    expect(at(doc, "#/paths/~1y/get/responses/200/content/application~1json/schema")).toEqual({
      $ref: `${RESPONSE_SCHEMA}/allOf/1/anyOf/1`,
    });
  });

  it("finds a pair nested in a union it moved at its new place", () => {
    const inner = { anyOf: [attach, detach], allOf: [named] };
    const given = withResponseSchema({ anyOf: [inner, detach], allOf: [named] });
    const { doc, report } = apply(nestUnionBesideAllOf, given);
    expect(at(doc, RESPONSE_SCHEMA)).toEqual({
      allOf: [named, { anyOf: [{ allOf: [named, { anyOf: [attach, detach] }] }, detach] }],
    });
    expect(report.fixes).toHaveLength(2);
  });
});
