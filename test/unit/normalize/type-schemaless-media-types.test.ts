import { describe, expect, it } from "vitest";
import {
  schemaForMediaType,
  typeSchemalessMediaTypes,
} from "../../../generator/normalize/passes/type-schemaless-media-types.ts";
import { apply, spec } from "../helpers.ts";
import { at } from "./fixtures.ts";

describe("schemaForMediaType", () => {
  it.each([
    ["application/yaml", { type: "string" }],
    ["application/x-yaml", { type: "string" }],
    ["text/csv; charset=utf-8", { type: "string" }],
    ["application/problem+xml", { type: "string" }],
    ["application/json", {}],
    ["application/merge-patch+json", {}],
    ["application/pdf", { type: "string", format: "binary" }],
    ["application/octet-stream", { type: "string", format: "binary" }],
  ])("%s -> %j", (mediaType, want) => {
    expect(schemaForMediaType(mediaType)).toEqual(want);
  });
});

describe("type-schemaless-media-types", () => {
  const content = {
    "application/yaml": { example: "apiVersion: v1" },
    "application/pdf": { schema: { type: "string", format: "binary" } },
  };
  const given = spec({
    paths: {
      "/k": {
        get: { responses: { "200": { description: "ok", content } } },
        put: { requestBody: { content: { "text/plain": {} } }, responses: {} },
      },
    },
  } as never);

  it("gives schemaless media types a schema and leaves others alone", () => {
    const { doc, report } = apply(typeSchemalessMediaTypes, given);
    expect(at(doc, "#/paths/~1k/get/responses/200/content")).toEqual({
      "application/yaml": { example: "apiVersion: v1", schema: { type: "string" } },
      "application/pdf": { schema: { type: "string", format: "binary" } },
    });
    expect(at(doc, "#/paths/~1k/put/requestBody/content/text~1plain")).toEqual({ schema: { type: "string" } });
    expect(report.fixes).toEqual([
      {
        message: 'gave application/yaml the schema {"type":"string"}',
        pointer: "#/paths/~1k/get/responses/200/content/application~1yaml",
      },
      {
        message: 'gave text/plain the schema {"type":"string"}',
        pointer: "#/paths/~1k/put/requestBody/content/text~1plain",
      },
    ]);
  });
});
