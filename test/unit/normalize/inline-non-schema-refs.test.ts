import { describe, expect, it } from "vitest";
import { inlineNonSchemaRefs } from "../../../generator/normalize/passes/inline-non-schema-refs.ts";
import { apply, spec } from "../helpers.ts";

const unauthorized = {
  description: "Unauthorized",
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
};

describe("inline-non-schema-refs", () => {
  const given = spec({
    paths: {
      "/a": {
        get: {
          parameters: [{ name: "page", in: "query", schema: { type: "integer" } }],
          responses: { "401": unauthorized },
        },
      },
      "/b": {
        get: {
          parameters: [{ $ref: "#/paths/~1a/get/parameters/0" }],
          responses: { "401": { $ref: "#/paths/~1a/get/responses/401" } },
        },
      },
    } as never,
    components: { schemas: { Error: { type: "object" } } },
  });

  it("copies parameters and responses referenced from other operations", () => {
    const { doc, report } = apply(inlineNonSchemaRefs, given);
    const b = doc.paths["/b"]!.get!;
    expect(b.parameters).toEqual([{ name: "page", in: "query", schema: { type: "integer" } }]);
    expect(b.responses["401"]).toEqual(unauthorized);
    expect(report.fixes).toHaveLength(2);
  });

  it("leaves refs to components alone", () => {
    const { doc } = apply(inlineNonSchemaRefs, given);
    expect(JSON.stringify(doc)).toContain("#/components/schemas/Error");
  });

  it("warns instead of failing on a ref whose target is missing", () => {
    const broken = spec({
      paths: { "/c": { get: { responses: { "200": { $ref: "#/paths/~1nope/get/responses/200" } } } } } as never,
    });
    const { report } = apply(inlineNonSchemaRefs, broken);
    expect(report.warnings[0]?.message).toMatch(/target does not exist/);
  });
});
