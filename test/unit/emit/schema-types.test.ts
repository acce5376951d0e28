import { describe, expect, it } from "vitest";
import { createSchemaTyper } from "../../../generator/emit/schema-types.ts";
import { spec } from "../helpers.ts";

const typer = () => createSchemaTyper(spec({ components: { schemas: { Droplet: { type: "object" } } } }));

describe("createSchemaTyper", () => {
  it("writes model refs as the bare model name", () => {
    const text = typer().typeOf(
      { type: "object", properties: { droplet: { $ref: "#/components/schemas/Droplet" } } },
      "t",
    );
    expect(text).toMatch(/droplet\?: Droplet;/);
    expect(text).not.toContain("components[");
  });

  it("keeps a property named __proto__ (JSON can have one; an assignment would drop it)", () => {
    const schema = JSON.parse('{"type":"object","properties":{"__proto__":{"type":"string"},"ok":{"type":"boolean"}}}');
    expect(typer().typeOf(schema, "t")).toMatch(/__proto__\?: string;/);
  });

  it("types tagged unions as unions of their members, ignoring the discriminator", () => {
    const text = typer().typeOf(
      {
        oneOf: [
          { type: "object", properties: { type: { type: "string", enum: ["a"] } } },
          { type: "object", properties: { type: { type: "string", enum: ["b"] } } },
        ],
        discriminator: { propertyName: "type" },
      } as never,
      "t",
    );
    expect(text).toContain('"a"');
    expect(text).toContain('"b"');
    expect(text).toContain("|");
  });

  it("does not make a parameter with a default required", () => {
    expect(typer().typeOf({ type: "object", properties: { per_page: { type: "integer", default: 20 } } }, "t")).toMatch(
      /per_page\?: number/,
    );
  });
});
