import { describe, expect, it } from "vitest";
import { narrowUnionMembersByTag } from "../../../generator/normalize/passes/narrow-union-members-by-tag.ts";
import { apply, spec } from "../helpers.ts";
import { at, RESPONSE_SCHEMA, validates, withResponseSchema } from "./fixtures.ts";

const ACTION = {
  type: "object",
  required: ["type"],
  properties: { type: { type: "string", enum: ["reboot", "power_off", "rename"] } },
};
const RENAME = { allOf: [{ $ref: "#/components/schemas/Action" }, { properties: { name: { type: "string" } } }] };

function union(keyword: "oneOf" | "anyOf", mapping: Record<string, string>) {
  const doc = withResponseSchema({
    [keyword]: [{ $ref: "#/components/schemas/Action" }, { $ref: "#/components/schemas/Rename" }],
    discriminator: { propertyName: "type", mapping },
  });
  return spec({ ...doc, components: { schemas: { Action: ACTION, Rename: RENAME } } as never });
}

describe("narrow-union-members-by-tag", () => {
  const mapping = { reboot: "#/components/schemas/Action", power_off: "Action", rename: "#/components/schemas/Rename" };

  it("wraps each mapped member with the tags that select it", () => {
    const { doc, report } = apply(narrowUnionMembersByTag, union("oneOf", mapping));
    expect(at(doc, `${RESPONSE_SCHEMA}/oneOf`)).toEqual([
      {
        allOf: [
          { $ref: "#/components/schemas/Action" },
          {
            type: "object",
            required: ["type"],
            properties: { type: { type: "string", enum: ["power_off", "reboot"] } },
          },
        ],
      },
      {
        allOf: [
          { $ref: "#/components/schemas/Rename" },
          { type: "object", required: ["type"], properties: { type: { type: "string", enum: ["rename"] } } },
        ],
      },
    ]);
    expect(report.fixes).toHaveLength(2);
  });

  it("makes a oneOf of overlapping members hold, and rejects a tag on the wrong member", () => {
    const given = union("oneOf", mapping);
    expect(validates(given, RESPONSE_SCHEMA, { type: "reboot" })).toBe(false); // both members match
    const { doc } = apply(narrowUnionMembersByTag, given);
    expect(validates(doc, RESPONSE_SCHEMA, { type: "reboot" })).toBe(true);
    expect(validates(doc, RESPONSE_SCHEMA, { type: "rename", name: "x" })).toBe(true);
  });

  it("leaves members no mapping entry names, and unions without a mapping", () => {
    const partial = apply(narrowUnionMembersByTag, union("anyOf", { rename: "#/components/schemas/Rename" })).doc;
    expect(at(partial, `${RESPONSE_SCHEMA}/anyOf/0`)).toEqual({ $ref: "#/components/schemas/Action" });
    const none = withResponseSchema({ oneOf: [{ type: "string" }], discriminator: { propertyName: "type" } });
    expect(apply(narrowUnionMembersByTag, none).report.fixes).toEqual([]);
  });
});
