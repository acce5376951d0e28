import { describe, expect, it } from "vitest";
import { hoistSharedSchemas } from "../../../generator/normalize/passes/hoist-shared-schemas.ts";
import { apply, spec } from "../helpers.ts";

const json = (schema: object) => ({ content: { "application/json": { schema } } });
const DROPLET_ITEMS =
  "#/paths/~1v2~1droplets/get/responses/200/content/application~1json/schema/properties/droplets/items";

/** droplets_list defines the Droplet shape inline; droplets_get points into it. */
function fixture() {
  return spec({
    paths: {
      "/v2/droplets": {
        get: {
          operationId: "droplets_list",
          responses: {
            "200": {
              description: "ok",
              ...json({
                type: "object",
                properties: {
                  droplets: {
                    type: "array",
                    items: {
                      type: "object",
                      properties: {
                        id: { type: "integer" },
                        name: { type: "string" },
                        image: { type: "object", properties: { slug: { type: "string" } } },
                      },
                    },
                  },
                },
              }),
            },
          },
        },
      },
      "/v2/droplets/{droplet_id}": {
        get: {
          operationId: "droplets_get",
          responses: {
            "200": { description: "ok", ...json({ type: "object", properties: { droplet: { $ref: DROPLET_ITEMS } } }) },
          },
        },
      },
      "/v2/images/{image_id}": {
        get: {
          operationId: "images_get",
          responses: {
            "200": {
              description: "ok",
              ...json({
                type: "object",
                properties: {
                  image: { $ref: `${DROPLET_ITEMS}/properties/image` },
                  name: { $ref: `${DROPLET_ITEMS}/properties/name`, description: "kept" },
                },
              }),
            },
          },
        },
      },
    } as never,
  });
}

describe("hoist-shared-schemas", () => {
  it("moves each referenced object schema into components under a name read from its location", () => {
    const { doc, report } = apply(hoistSharedSchemas(), fixture());
    expect(Object.keys(doc.components!.schemas!).sort()).toEqual(["Droplet", "Image"]);
    expect(report.fixes.map((f) => f.message).sort()).toEqual(["hoisted Droplet", "hoisted Image"]);
  });

  it("declares each model once: the defining location and every user point at it", () => {
    const { doc } = apply(hoistSharedSchemas(), fixture());
    const text = JSON.stringify(doc);
    expect(text).not.toContain("#/paths/");
    const list = doc.paths["/v2/droplets"]!.get!.responses["200"] as never as {
      content: Record<string, { schema: { properties: { droplets: { items: unknown } } } }>;
    };
    expect(list.content["application/json"]!.schema.properties.droplets.items).toEqual({
      $ref: "#/components/schemas/Droplet",
    });
    const droplet = doc.components!.schemas!.Droplet as { properties: Record<string, unknown> };
    expect(droplet.properties.image).toEqual({ $ref: "#/components/schemas/Image" });
  });

  it("copies referenced primitives in place, keeping keywords written beside the $ref", () => {
    const { doc } = apply(hoistSharedSchemas(), fixture());
    const image = doc.paths["/v2/images/{image_id}"]!.get!.responses["200"] as never as {
      content: Record<string, { schema: { properties: Record<string, unknown> } }>;
    };
    expect(image.content["application/json"]!.schema.properties.name).toEqual({ type: "string", description: "kept" });
  });

  it("takes names from spec/model-names.json first; notes entries this spec lacks, warns about one that names no shared schema", () => {
    const notShared = "#/paths/~1v2~1droplets/get/responses/200/description";
    const overrides = { [DROPLET_ITEMS]: "Server", "#/paths/~1gone/get": "Gone", [notShared]: "Words" };
    const { doc, report } = apply(hoistSharedSchemas(overrides), fixture());
    expect(Object.keys(doc.components!.schemas!).sort()).toEqual(["Image", "Server"]);
    expect(report.warnings.map((w) => w.message)).toEqual([expect.stringContaining(notShared)]);
    expect(report.notes).toEqual(["spec/model-names.json names 1 schemas this spec does not have"]);
    expect(report.details).toEqual(["spec/model-names.json names schemas this spec does not have: #/paths/~1gone/get"]);
  });

  it("settles a clash by adding context words, never a number", () => {
    const given = fixture();
    // A second, different schema that would also be called "Image".
    (
      given.paths["/v2/images/{image_id}"]!.get!.responses["200"] as never as {
        content: Record<string, { schema: { properties: Record<string, unknown> } }>;
      }
    ).content["application/json"]!.schema.properties.other = {
      $ref: "#/paths/~1v2~1other/get/responses/200/content/application~1json/schema/properties/image",
    };
    (given.paths as Record<string, unknown>)["/v2/other"] = {
      get: {
        operationId: "other_get",
        responses: {
          "200": {
            description: "ok",
            ...json({
              type: "object",
              properties: { image: { type: "object", properties: { url: { type: "string" } } } },
            }),
          },
        },
      },
    };
    const { doc } = apply(hoistSharedSchemas(), given);
    const names = Object.keys(doc.components!.schemas!).sort();
    expect(names).toHaveLength(3);
    expect(names.every((n) => /^[A-Z][A-Za-z]+$/.test(n))).toBe(true);
  });

  it("warns about a ref whose target does not exist", () => {
    const given = fixture();
    (
      given.paths["/v2/droplets/{droplet_id}"]!.get!.responses["200"] as never as {
        content: Record<string, { schema: { properties: Record<string, unknown> } }>;
      }
    ).content["application/json"]!.schema.properties.missing = {
      $ref: "#/paths/~1v2~1nope/get/responses/200/content/application~1json/schema",
    };
    const { report } = apply(hoistSharedSchemas(), given);
    expect(report.warnings[0]?.message).toMatch(/does not exist/);
  });

  describe("a multi-file spec's shared schemas (x-bundled-schemas)", () => {
    /** Two operations refer to one origin schema; a third refers to a primitive one. */
    function bundled() {
      const answer = (schema: object) => ({ responses: { "200": { description: "ok", ...json(schema) } } });
      return spec({
        paths: {
          "/a": { get: { operationId: "a_get", ...answer({ $ref: "#/x-bundled-schemas/droplet_action" }) } },
          "/b": { get: { operationId: "b_get", ...answer({ items: { $ref: "#/x-bundled-schemas/droplet_action" } }) } },
          "/c": { get: { operationId: "c_get", ...answer({ $ref: "#/x-bundled-schemas/slug" }) } },
        },
        "x-bundled-schemas": {
          droplet_action: { type: "object", properties: { type: { type: "string" } } },
          slug: { type: "string", minLength: 1 },
        },
      } as never);
    }
    const USE_SITE = "#/paths/~1a/get/responses/200/content/application~1json/schema";

    it("names them after their origin, copies primitives in place and leaves no section behind", () => {
      const { doc } = apply(hoistSharedSchemas(), bundled());
      expect(Object.keys(doc.components!.schemas!)).toEqual(["DropletAction"]);
      expect(JSON.stringify(doc)).not.toContain("x-bundled-schemas");
      expect((doc.paths["/c"]!.get!.responses["200"] as never as { content: Record<string, unknown> }).content).toEqual(
        {
          "application/json": { schema: { type: "string", minLength: 1 } },
        },
      );
    });

    it("renames by origin key, but never by a use-site key meant for a single-file layout", () => {
      const byOrigin = apply(hoistSharedSchemas({ "#/x-bundled-schemas/droplet_action": "Action" }), bundled());
      expect(Object.keys(byOrigin.doc.components!.schemas!)).toEqual(["Action"]);
      const byUseSite = apply(hoistSharedSchemas({ [USE_SITE]: "Elsewhere" }), bundled());
      expect(Object.keys(byUseSite.doc.components!.schemas!)).toEqual(["DropletAction"]);
      expect(byUseSite.report.warnings).toEqual([]);
    });

    it("notes origin keys this version lacks, and ignores use-site keys that lead nowhere here", () => {
      const { report } = apply(
        hoistSharedSchemas({ "#/x-bundled-schemas/gone": "Gone", "#/paths/~1old/get/responses/200": "Old" }),
        bundled(),
      );
      expect(report.warnings).toEqual([]);
      expect(report.notes).toEqual(["spec/model-names.json names 1 schemas this spec does not have"]);
      expect(report.details).toEqual(["spec/model-names.json names schemas this spec does not have: gone"]);
    });

    it("ignores origin keys in a single-file spec, and notes a use-site key that leads nowhere there", () => {
      const { report } = apply(
        hoistSharedSchemas({ "#/x-bundled-schemas/droplet_action": "Action", "#/paths/~1gone": "Gone" }),
        fixture(),
      );
      expect(report.warnings).toEqual([]);
      expect(report.details).toEqual(["spec/model-names.json names schemas this spec does not have: #/paths/~1gone"]);
    });
  });

  it("follows a use-site key through refs: one entry names the schema wherever it is written", () => {
    const viaRef =
      "#/paths/~1v2~1droplets~1{droplet_id}/get/responses/200/content/application~1json/schema/properties/droplet";
    const { doc } = apply(hoistSharedSchemas({ [viaRef]: "Server" }), fixture());
    expect(doc.components!.schemas).toHaveProperty("Server");
    expect(doc.components!.schemas).not.toHaveProperty("Droplet");
  });

  it("hoists a union member a discriminator mapping names, and points the mapping at it", () => {
    const member = "#/paths/~1x/post/requestBody/content/application~1json/schema/oneOf/0";
    const given = spec({
      paths: {
        "/x": {
          post: {
            operationId: "x_post",
            requestBody: {
              content: {
                "application/json": {
                  schema: {
                    oneOf: [{ type: "object", properties: { type: { type: "string" } } }],
                    discriminator: { propertyName: "type", mapping: { go: member } },
                  },
                },
              },
            },
            responses: { "204": { description: "done" } },
          },
        },
      } as never,
    });
    const { doc } = apply(hoistSharedSchemas({ [member]: "GoAction" }), given);
    const schema = (doc.paths["/x"]!.post!.requestBody as never as { content: Record<string, { schema: unknown }> })
      .content["application/json"]!.schema;
    expect(schema).toEqual({
      oneOf: [{ $ref: "#/components/schemas/GoAction" }],
      discriminator: { propertyName: "type", mapping: { go: "#/components/schemas/GoAction" } },
    });
  });
});
