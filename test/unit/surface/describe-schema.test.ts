// Schema -> TypeDesc, given/want: only what changes the values a type admits
// is kept, in an order that does not depend on the spec's.
import { describe, expect, it } from "vitest";
import { describeSchema } from "../../../generator/surface/describe-schema.ts";
import { assignable, typeText } from "../../../generator/surface/type-relations.ts";
import type { TypeDesc } from "../../../generator/surface/types.ts";

const d = (schema: object) => describeSchema(schema as never);

describe("describeSchema", () => {
  it.each([
    [{ type: "string", format: "date-time", description: "when", example: "x" }, "string"],
    [{ type: "integer", nullable: true }, { nullable: "integer" }],
    [{ type: "string", enum: ["b", "a", "b"] }, { enum: ["a", "b"] }],
    [{ $ref: "#/components/schemas/Droplet" }, { ref: "Droplet" }],
    [{ type: "array", items: { type: "string" } }, { array: "string" }],
    [{}, "unknown"],
    [{ anyOf: [{ type: "string" }, { type: "integer" }, { type: "string" }] }, { oneOf: ["integer", "string"] }],
    [{ oneOf: [{ type: "string" }, {}] }, "unknown"],
  ])("%j -> %j", (schema, want) => {
    expect(d(schema)).toEqual(want);
  });

  it("describes objects with sorted required and deprecated lists; open objects say what other keys hold", () => {
    expect(
      d({
        type: "object",
        required: ["name", "id"],
        properties: { id: { type: "integer" }, name: { type: "string" }, old: { type: "string", deprecated: true } },
      }),
    ).toEqual({
      object: { id: "integer", name: "string", old: "string" },
      required: ["id", "name"],
      deprecated: ["old"],
    });
    expect(d({ type: "object", additionalProperties: true })).toEqual({ object: {}, additional: "unknown" });
    expect(d({ type: "object", additionalProperties: { type: "string" } })).toEqual({
      object: {},
      additional: "string",
    });
    expect(d({ type: "object" })).toEqual({ object: {} });
  });

  it("merges inline allOf objects and keeps model refs as parts, with required names that belong to them", () => {
    expect(
      d({
        type: "object",
        required: ["name"],
        allOf: [
          { $ref: "#/components/schemas/Base" },
          { type: "object", properties: { a: { type: "string" } } },
          { type: "object", required: ["a"], properties: { b: { type: "string" } } },
        ],
      }),
    ).toEqual({ allOf: [{ object: { a: "string", b: "string" }, required: ["a", "name"] }, { ref: "Base" }] });
  });

  it("keeps a field named __proto__ as a field", () => {
    const t = d({ type: "object", properties: { ["__proto__"]: { type: "string" } } }) as { object: object };
    expect(Object.keys(t.object)).toEqual(["__proto__"]);
  });
});

describe("assignable and typeText", () => {
  const models = { Id: { resource: "x", side: "both" as const, type: "integer" as TypeDesc } };
  const yes: [TypeDesc, TypeDesc][] = [
    ["integer", "number"],
    [{ enum: ["a"] }, "string"],
    [{ enum: ["a"] }, { enum: ["a", "b"] }],
    ["integer", { nullable: "integer" }],
    [{ ref: "Id" }, "number"],
    [{ object: { a: "string" }, required: ["a"] }, { object: { a: "string" } }],
    [{ object: { a: "string" } }, { object: {}, additional: "unknown" }],
    [{ allOf: [{ object: { a: "string" } }, { object: { b: "integer" } }] }, { object: { a: "string", b: "number" } }],
  ];
  it.each(yes)("%j fits in %j, not the other way round", (a, b) => {
    expect(assignable(a, models, b, models)).toBe(true);
    expect(assignable(b, models, a, models)).toBe(false);
  });

  it("every value of an intersection fits the intersection (objects are exact, so parts are merged first)", () => {
    const t: TypeDesc = { allOf: [{ object: { a: "string" } }, { ref: "Obj" }] };
    const objects = { Obj: { resource: "x", side: "both" as const, type: { object: { b: "string" } } as TypeDesc } };
    expect(assignable({ object: { a: "string", b: "string" } }, objects, t, objects)).toBe(true);
  });

  it("prints a type on one short line", () => {
    expect(typeText({ nullable: { enum: ["a", "b", "c", "d", "e"] } })).toBe(
      '"a" | "b" | "c" | "d" | … (5 values) | null',
    );
    expect(typeText({ array: { oneOf: ["integer", "string"] } })).toBe("(integer | string)[]");
    expect(typeText({ object: { a: "string", b: "integer", c: "boolean", d: "string" }, required: ["a"] })).toBe(
      "{ a: string; b?: integer; c?: boolean; … }",
    );
  });
});
