// Schema -> type node: openapi-typescript's transform, with model references
// rewritten on the tree (never in printed text) and what each type needs
// imported collected on the way.
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { rewriteModelRefs, schemaKeyOf } from "../../../generator/emit/model-refs.ts";
import { printNode } from "../../../generator/emit/print.ts";
import { createSchemaTyper } from "../../../generator/emit/schema-types.ts";
import type { ModelInfo } from "../../../generator/model/types.ts";

// Model keys differ from identifiers where a key clashes (`droplet` -> `DropletModel` here).
const models = [
  { key: "droplet", name: "DropletModel", schema: { type: "object", properties: { id: { type: "integer" } } } },
  { key: "Size", name: "Size", schema: { type: "object", properties: { slug: { type: "string" } } } },
] as unknown as ModelInfo[];
const typer = () => createSchemaTyper({ models, modelNames: new Map(models.map((m) => [m.key, m.name])) });
const text = (schema: object) => printNode(typer().typeOf(schema as never, "t").node);

describe("createSchemaTyper", () => {
  it("writes model refs as the model's identifier and reports the models a type uses", () => {
    const type = typer().typeOf(
      {
        type: "object",
        properties: {
          droplet: { $ref: "#/components/schemas/droplet" },
          sizes: { type: "array", items: { $ref: "#/components/schemas/Size" } },
        },
      },
      "t",
    );
    const printed = printNode(type.node);
    expect(printed).toMatch(/droplet\?: DropletModel;/);
    expect(printed).toMatch(/sizes\?: Size\[\];/);
    expect(printed).not.toContain("components");
    expect([...type.uses.models]).toEqual(["DropletModel", "Size"]);
    expect([...type.uses.helpers]).toEqual([]);
  });

  it.each([
    [
      "a required name a model defines, as that property (no WithRequired helper)",
      { allOf: [{ $ref: "#/components/schemas/Size" }], required: ["slug"] },
      "Size & {\n    slug: string;\n}",
    ],
    [
      "a required name an inline part defines, required there",
      { allOf: [{ $ref: "#/components/schemas/Size" }, { properties: { n: { type: "integer" } } }], required: ["n"] },
      "Size & {\n    n: number;\n}",
    ],
    [
      "an annotation-only part, as nothing (no `& unknown`)",
      { allOf: [{ $ref: "#/components/schemas/Size" }, { readOnly: true, maxLength: 3 }] },
      "Size",
    ],
    [
      "an anyOf of required names, as the objects they mean (no `unknown | unknown`)",
      { allOf: [{ $ref: "#/components/schemas/Size" }, { anyOf: [{ required: ["slug"] }, { required: ["gone"] }] }] },
      "Size & {\n    slug: string;\n}",
    ],
    [
      "an empty branch among objects, as an empty object (no `| unknown`)",
      { anyOf: [{ type: "object", properties: { a: { type: "string" } } }, {}] },
      "{\n    a?: string;\n} | Record<string, never>",
    ],
    [
      "any object beside the parts that give the shape, as nothing (no index signature)",
      { allOf: [{ $ref: "#/components/schemas/Size" }, { type: "object", additionalProperties: true }] },
      "Size",
    ],
  ])("types %s", (_, schema, want) => {
    const type = typer().typeOf(schema as never, "t");
    expect(printNode(type.node)).toBe(want);
    expect([...type.uses.helpers]).toEqual([]);
  });

  it("refuses a ref to a schema that is not a model", () => {
    expect(() => text({ $ref: "#/components/schemas/Nope" })).toThrow(
      "a type refers to #/components/schemas/Nope, which is not a model",
    );
  });

  it("keeps a property named __proto__ (JSON can have one; an assignment would drop it)", () => {
    const schema = JSON.parse('{"type":"object","properties":{"__proto__":{"type":"string"},"ok":{"type":"boolean"}}}');
    expect(text(schema)).toMatch(/__proto__\?: string;/);
  });

  it("types tagged unions as unions of their members, ignoring the discriminator", () => {
    const node = typer().typeOf(
      {
        oneOf: [
          { type: "object", properties: { type: { type: "string", enum: ["a"] } } },
          { type: "object", properties: { type: { type: "string", enum: ["b"] } } },
        ],
        discriminator: { propertyName: "type" },
      } as never,
      "t",
    ).node;
    expect(ts.isUnionTypeNode(node)).toBe(true);
    expect(printNode(node)).toContain('"a"');
    expect(printNode(node)).toContain('"b"');
  });

  it("does not make a parameter with a default required", () => {
    expect(text({ type: "object", properties: { per_page: { type: "integer", default: 20 } } })).toMatch(
      /per_page\?: number/,
    );
  });
});

describe("rewriteModelRefs", () => {
  const f = ts.factory;
  const ref = (...keys: string[]) =>
    keys.reduce<ts.TypeNode>(
      (node, key) => f.createIndexedAccessTypeNode(node, f.createLiteralTypeNode(f.createStringLiteral(key))),
      f.createTypeReferenceNode("components"),
    );

  it('recognises only components["schemas"][key]', () => {
    expect(schemaKeyOf(ref("schemas", "X"))).toBe("X");
    expect(schemaKeyOf(ref("responses", "X"))).toBeUndefined();
    expect(schemaKeyOf(f.createTypeReferenceNode("X"))).toBeUndefined();
  });

  it("rewrites nested refs, keeps what indexes into a model, and leaves its input alone", () => {
    const input = f.createUnionTypeNode([
      ref("schemas", "a"),
      ref("schemas", "b", "id"),
      f.createTypeReferenceNode("Helper"),
    ]);
    const { node, uses } = rewriteModelRefs(input, (key) => key.toUpperCase(), new Set(["Helper"]));
    expect(printNode(node)).toBe('A | B["id"] | Helper');
    expect(uses).toEqual({ models: new Set(["A", "B"]), helpers: new Set(["Helper"]) });
    expect(printNode(input)).toBe('components["schemas"]["a"] | components["schemas"]["b"]["id"] | Helper');
  });

  it("keeps the JSDoc openapi-typescript attaches to members of a rewritten type", () => {
    const node = typer().typeOf(
      {
        type: "object",
        properties: { size: { allOf: [{ $ref: "#/components/schemas/Size" }], description: "Its size" } },
      },
      "t",
    ).node;
    expect(printNode(node)).toMatch(/\/\*\* @description Its size \*\/\s+size\?: Size;/);
  });
});
