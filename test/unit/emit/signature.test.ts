// Given an operation, want the parameters and return type its function and
// group method declare, and what they need imported.
import { describe, expect, it } from "vitest";
import { createSchemaTyper } from "../../../generator/emit/schema-types.ts";
import { operationSignature } from "../../../generator/emit/signature.ts";
import { json, modelOf, ok, pathParam, query } from "./operation-fixture.ts";

const options = { name: "options", type: "RequestOptions", hasQuestionToken: true };

function signatureOf(path: string, method: string, operation: object) {
  const api = modelOf(path, method, operation);
  const { parameters, returnType, uses, core } = operationSignature(api.operations[0]!, createSchemaTyper(api));
  return { parameters, returnType, models: [...uses.models], core };
}

describe("operationSignature", () => {
  it.each([
    [
      "path parameters in path order, typed by their schema; a response of its own type",
      [
        "/v2/widgets/{widget_id}/sizes/{size_slug}",
        "get",
        {
          operationId: "widgets_get_size",
          parameters: [pathParam("size_slug", { $ref: "#/components/schemas/Slug" }), pathParam("widget_id")],
          responses: ok({ type: "object" }),
        },
      ],
      {
        parameters: [
          { name: "widgetId", type: "number", hasQuestionToken: false },
          { name: "sizeSlug", type: "Slug", hasQuestionToken: false },
          options,
        ],
        returnType: "APIPromise<WidgetsGetSizeResponse>",
        models: ["Slug"],
        core: ["RequestOptions", "APIPromise"],
      },
    ],
    [
      "optional params; a list that pages, typed by its response and its item",
      [
        "/v2/widgets",
        "get",
        {
          operationId: "widgets_list",
          parameters: [query("per_page"), query("page")],
          responses: ok({
            type: "object",
            properties: {
              widgets: { type: "array", items: { $ref: "#/components/schemas/Widget" } },
              links: { $ref: "#/components/schemas/Links" },
            },
          }),
        },
      ],
      {
        parameters: [{ name: "params", type: "WidgetsListParams", hasQuestionToken: true }, options],
        returnType: "PagePromise<WidgetsListResponse, Widget>",
        models: ["Widget"],
        core: ["RequestOptions", "PagePromise"],
      },
    ],
    [
      "required params when a body field is required; a response that is a model",
      [
        "/v2/widgets",
        "post",
        {
          operationId: "widgets_create",
          requestBody: {
            required: true,
            ...json({ type: "object", required: ["name"], properties: { name: { type: "string" } } }),
          },
          responses: ok({ $ref: "#/components/schemas/Widget" }),
        },
      ],
      {
        parameters: [{ name: "params", type: "WidgetsCreateParams", hasQuestionToken: false }, options],
        returnType: "APIPromise<Widget>",
        models: ["Widget"],
        core: ["RequestOptions", "APIPromise"],
      },
    ],
    [
      "an empty response",
      [
        "/v2/widgets/{id}",
        "delete",
        { operationId: "widgets_delete", parameters: [pathParam("id")], responses: { "204": { description: "gone" } } },
      ],
      {
        parameters: [{ name: "id", type: "number", hasQuestionToken: false }, options],
        returnType: "APIPromise<void>",
        models: [],
        core: ["RequestOptions", "APIPromise"],
      },
    ],
    [
      "a YAML response, read as text",
      [
        "/v2/report",
        "get",
        {
          operationId: "report_get",
          responses: { "200": { description: "ok", content: { "text/yaml": { schema: { type: "string" } } } } },
        },
      ],
      { parameters: [options], returnType: "APIPromise<string>", models: [], core: ["RequestOptions", "APIPromise"] },
    ],
    [
      "a binary response",
      [
        "/v2/photo",
        "get",
        { operationId: "photo_get", responses: { "200": { description: "ok", content: { "application/pdf": {} } } } },
      ],
      {
        parameters: [options],
        returnType: "APIPromise<ArrayBuffer>",
        models: [],
        core: ["RequestOptions", "APIPromise"],
      },
    ],
  ] as const)("%s", (_, [path, method, operation], want) => {
    expect(signatureOf(path, method, operation)).toEqual(want);
  });
});
