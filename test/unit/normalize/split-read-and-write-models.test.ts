import { describe, expect, it } from "vitest";
import { splitReadAndWriteModels } from "../../../generator/normalize/passes/split-read-and-write-models.ts";
import { apply, spec } from "../helpers.ts";
import { at } from "./fixtures.ts";

const json = (schema: object) => ({ content: { "application/json": { schema } } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** A key (readOnly id) inside a keyring (writeOnly secret), created and returned by one operation. */
function fixture() {
  return spec({
    paths: {
      "/keys": {
        post: {
          operationId: "keys_create",
          requestBody: json(ref("Keyring")),
          responses: { "201": { description: "ok", ...json({ properties: { ring: ref("Keyring") } }) } },
        },
        get: {
          operationId: "keys_list",
          responses: { "200": { description: "ok", ...json({ properties: { plain: ref("Plain") } }) } },
        },
      },
    } as never,
    components: {
      schemas: {
        Key: {
          type: "object",
          required: ["id", "name"],
          properties: { id: { type: "integer", readOnly: true }, name: { type: "string" } },
        },
        Keyring: {
          type: "object",
          properties: { keys: { type: "array", items: ref("Key") }, secret: { type: "string", writeOnly: true } },
        },
        Plain: { type: "object", properties: { a: { type: "string" } } },
      },
    },
  });
}

describe("split-read-and-write-models", () => {
  const { doc, report } = apply(splitReadAndWriteModels, fixture());
  const schemas = doc.components!.schemas! as Record<string, unknown>;

  it("gives a model with fields only the API sets an input model without them, and requests refer to it", () => {
    expect(schemas.KeyInput).toEqual({ type: "object", required: ["name"], properties: { name: { type: "string" } } });
    expect(schemas.KeyringInput).toEqual({
      type: "object",
      properties: { keys: { type: "array", items: ref("KeyInput") }, secret: { type: "string", writeOnly: true } },
    });
    expect(at(doc, "#/paths/~1keys/post/requestBody/content/application~1json/schema")).toEqual(ref("KeyringInput"));
  });

  it("leaves fields only a caller sends out of the model itself, which responses use", () => {
    expect(schemas.Keyring).toEqual({ type: "object", properties: { keys: { type: "array", items: ref("Key") } } });
    expect(schemas.Key).toEqual(fixture().components!.schemas!.Key);
    expect(at(doc, "#/paths/~1keys/post/responses/201/content/application~1json/schema")).toEqual({
      properties: { ring: ref("Keyring") },
    });
  });

  it("leaves models with neither kind of field alone", () => {
    expect(schemas.Plain).toEqual(fixture().components!.schemas!.Plain);
    expect(Object.keys(schemas).sort()).toEqual(["Key", "KeyInput", "Keyring", "KeyringInput", "Plain"]);
    expect(report.fixes.map((f) => f.message).sort()).toEqual([
      "KeyInput: Key without the fields only the API sets",
      "Keyring without the fields only a caller sends",
      "KeyringInput: Keyring without the fields only the API sets",
    ]);
  });

  it("drops the other side's fields from inline schemas", () => {
    const given = spec({
      paths: {
        "/x": {
          post: {
            requestBody: json({
              properties: { id: { type: "string", readOnly: true }, n: { type: "string" } },
              required: ["id"],
            }),
            responses: {
              "200": { description: "ok", ...json({ properties: { pw: { type: "string", writeOnly: true } } }) },
            },
          },
        },
      } as never,
    });
    const out = apply(splitReadAndWriteModels, given).doc;
    expect(at(out, "#/paths/~1x/post/requestBody/content/application~1json/schema")).toEqual({
      properties: { n: { type: "string" } },
    });
    expect(at(out, "#/paths/~1x/post/responses/200/content/application~1json/schema")).toEqual({ properties: {} });
  });

  it("changes a model only requests use in place, with no input model", () => {
    const given = fixture();
    (given.paths["/keys"]!.post!.responses as Record<string, unknown>)["201"] = { description: "created" };
    const { doc: out } = apply(splitReadAndWriteModels, given);
    const models = out.components!.schemas! as Record<string, unknown>;
    expect(Object.keys(models).sort()).toEqual(["Key", "Keyring", "Plain"]);
    expect(models.Key).toEqual({ type: "object", required: ["name"], properties: { name: { type: "string" } } });
    expect(at(out, "#/paths/~1keys/post/requestBody/content/application~1json/schema")).toEqual(ref("Keyring"));
  });
});
