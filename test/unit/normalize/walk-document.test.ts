import { describe, expect, it } from "vitest";
import { walkDocument } from "../../../generator/normalize/passes/support/walk-document.ts";
import { formatPointer } from "../../../generator/pointer.ts";
import { spec } from "../helpers.ts";

describe("walkDocument", () => {
  const doc = spec({
    paths: {
      "/x/{id}": {
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }, { $ref: "#/elsewhere" }],
        post: {
          parameters: [{ name: "f", in: "query", content: { "application/json": { schema: { type: "object" } } } }],
          requestBody: {
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: { example: { type: "string" }, items: { type: "array", items: { $ref: "#/r" } } },
                  additionalProperties: { not: { type: "null" } },
                  allOf: [{ required: ["example"] }],
                },
                example: { properties: { type: "object" } },
              },
            },
          },
          responses: {
            "200": { description: "ok", headers: { "x-n": { schema: { type: "integer" } } } },
            "404": { $ref: "#/paths/~1y/get/responses/404" },
          },
        },
      },
    },
    components: { schemas: { Named: { oneOf: [{ type: "string" }] } } },
  } as never);

  it("visits every schema once, by structure, not by key names", () => {
    const seen: string[] = [];
    walkDocument(doc, { schema: (_, at) => void seen.push(formatPointer(at)) });
    const body = "#/paths/~1x~1{id}/post/requestBody/content/application~1json/schema";
    expect(seen).toEqual([
      "#/paths/~1x~1{id}/parameters/0/schema",
      "#/paths/~1x~1{id}/post/parameters/0/content/application~1json/schema",
      body,
      `${body}/properties/example`,
      `${body}/properties/items`,
      `${body}/properties/items/items`,
      `${body}/allOf/0`,
      `${body}/additionalProperties`,
      `${body}/additionalProperties/not`,
      "#/paths/~1x~1{id}/post/responses/200/headers/x-n/schema",
      "#/components/schemas/Named",
      "#/components/schemas/Named/oneOf/0",
    ]);
  });

  it("visits inline parameters, media types, headers and operations, not $ref objects", () => {
    const seen: string[] = [];
    walkDocument(doc, {
      parameter: (_, at) => void seen.push(`parameter ${formatPointer(at)}`),
      mediaType: (_, at) => void seen.push(`media ${formatPointer(at)}`),
      header: (_, at) => void seen.push(`header ${formatPointer(at)}`),
      operation: (_, at) => void seen.push(`operation ${formatPointer(at)}`),
    });
    expect(seen).toEqual([
      "parameter #/paths/~1x~1{id}/parameters/0",
      "operation #/paths/~1x~1{id}/post",
      "parameter #/paths/~1x~1{id}/post/parameters/0",
      "media #/paths/~1x~1{id}/post/parameters/0/content/application~1json",
      "media #/paths/~1x~1{id}/post/requestBody/content/application~1json",
      "header #/paths/~1x~1{id}/post/responses/200/headers/x-n",
    ]);
  });
});
