// Given an operation, want the descriptor its function hands to the runtime,
// and that descriptor as the literal the function is written with.
import { describe, expect, it } from "vitest";
import {
  BYTES_BODY,
  literal,
  operationDescriptor,
  READ_EVENT_STREAM,
  SERVER_TARGET,
  URL_TARGET,
} from "../../../generator/emit/descriptor.ts";
import { callStatement } from "../../../generator/emit/operations.ts";
import { json, ok, operationOf, pathParam, query } from "./operation-fixture.ts";

const widgetList = {
  type: "object",
  properties: {
    widgets: { type: "array", items: { $ref: "#/components/schemas/Widget" } },
    links: { $ref: "#/components/schemas/Links" },
  },
};

describe("operationDescriptor", () => {
  it.each([
    [
      "a GET with a path parameter",
      [
        "/v2/widgets/{widget_id}",
        "get",
        { operationId: "widgets_get", parameters: [pathParam("widget_id")], responses: ok({ type: "object" }) },
      ],
      { method: "GET", path: "/v2/widgets/{widget_id}" },
    ],
    [
      "query parameters, in declared order, and a list that pages",
      [
        "/v2/widgets",
        "get",
        { operationId: "widgets_list", parameters: [query("per_page"), query("page")], responses: ok(widgetList) },
      ],
      { method: "GET", path: "/v2/widgets", query: ["per_page", "page"], items: "widgets" },
    ],
    [
      "header parameters, keyed by their name",
      [
        "/v2/widgets/{widget_id}",
        "delete",
        {
          operationId: "widgets_delete",
          parameters: [pathParam("widget_id"), { name: "X-Dangerous", in: "header", schema: { type: "boolean" } }],
          responses: { "204": { description: "gone" } },
        },
      ],
      {
        method: "DELETE",
        path: "/v2/widgets/{widget_id}",
        headers: { "X-Dangerous": "X-Dangerous" },
        response: "none",
      },
    ],
    [
      "a required object body, merged into params",
      [
        "/v2/widgets",
        "post",
        {
          operationId: "widgets_create",
          requestBody: { required: true, ...json({ type: "object", properties: { name: { type: "string" } } }) },
          responses: ok({ type: "object" }),
        },
      ],
      { method: "POST", path: "/v2/widgets", body: "fields", bodyRequired: true, fields: ["name"] },
    ],
    [
      "the body's fields, those it requires, and whether it takes others",
      [
        "/v2/widgets",
        "post",
        {
          operationId: "widgets_create",
          requestBody: json({
            type: "object",
            additionalProperties: true,
            required: ["name"],
            properties: { name: { type: "string" }, size: { type: "integer" } },
          }),
          responses: ok({ type: "object" }),
        },
      ],
      { method: "POST", path: "/v2/widgets", body: "fields", fields: ["name", "size"], required: ["name"], open: true },
    ],
    [
      "raw bytes, to a URL given at run time, with no credential",
      [
        "/<upload_url>",
        "put",
        {
          operationId: "files_upload",
          servers: [{ url: "https://" }],
          security: [],
          requestBody: {
            required: true,
            content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } },
          },
          responses: { "200": { description: "stored" } },
        },
      ],
      {
        method: "PUT",
        path: "/<upload_url>",
        body: "body",
        bodyRequired: true,
        encoding: BYTES_BODY,
        response: "none",
        url: true,
        target: URL_TARGET,
        auth: null,
      },
    ],
    [
      "its own server with a variable, and the model access key",
      [
        "/v1/chat",
        "post",
        {
          operationId: "agent_chat",
          servers: [{ url: "https://{agent_url}", variables: { agent_url: { default: "{your-agent-url}" } } }],
          security: [{ inference_bearer_auth: [] }],
          responses: { "410": { description: "gone" } },
        },
      ],
      {
        method: "POST",
        path: "/v1/chat",
        response: "never",
        server: { url: "https://{agent_url}", variables: ["agent_url"] },
        target: SERVER_TARGET,
        auth: "modelAccessKey",
      },
    ],
    [
      "an optional array body, under `body`",
      [
        "/v2/widgets/tags",
        "put",
        {
          operationId: "widgets_tag",
          requestBody: json({ type: "array", items: { type: "string" } }),
          responses: ok({ type: "object" }),
        },
      ],
      { method: "PUT", path: "/v2/widgets/tags", body: "body" },
    ],
    [
      "a text response other than JSON, with its Accept",
      [
        "/v2/widgets/{widget_id}/manual",
        "get",
        {
          operationId: "widgets_get_manual",
          parameters: [pathParam("widget_id")],
          responses: { "200": { description: "ok", content: { "text/csv": { schema: { type: "string" } } } } },
        },
      ],
      { method: "GET", path: "/v2/widgets/{widget_id}/manual", accept: "text/csv", response: "text" },
    ],
    [
      "a binary response",
      [
        "/v2/widgets/{widget_id}/photo",
        "get",
        {
          operationId: "widgets_get_photo",
          parameters: [pathParam("widget_id")],
          responses: {
            "200": { description: "ok", content: { "image/png": { schema: { type: "string", format: "binary" } } } },
          },
        },
      ],
      { method: "GET", path: "/v2/widgets/{widget_id}/photo", accept: "image/png", response: "binary" },
    ],
    [
      "a query parameter in deepObject style",
      [
        "/v2/widgets",
        "get",
        {
          operationId: "widgets_list",
          parameters: [{ name: "filter", in: "query", style: "deepObject", schema: { type: "object" } }, query("page")],
          responses: ok({ type: "object" }),
        },
      ],
      { method: "GET", path: "/v2/widgets", query: ["filter", "page"], deepObject: ["filter"] },
    ],
    [
      "a JSON answer that streams as events when the body's stream flag is set",
      [
        "/v1/chat",
        "post",
        {
          operationId: "chat_create",
          requestBody: json({ type: "object", properties: { stream: { type: "boolean" } } }),
          responses: {
            "200": {
              description: "ok",
              content: {
                "application/json": { schema: { type: "object" } },
                "text/event-stream": { schema: { type: "object" } },
              },
            },
          },
        },
      ],
      { method: "POST", path: "/v1/chat", body: "fields", fields: ["stream"], stream: READ_EVENT_STREAM },
    ],
    [
      "events without a stream flag to ask for them: a plain JSON call",
      [
        "/v1/chat",
        "post",
        {
          operationId: "chat_create",
          requestBody: json({ type: "object", properties: { live: { type: "boolean" } } }),
          responses: {
            "200": {
              description: "ok",
              content: {
                "application/json": { schema: { type: "object" } },
                "text/event-stream": { schema: { type: "object" } },
              },
            },
          },
        },
      ],
      { method: "POST", path: "/v1/chat", body: "fields", fields: ["live"] },
    ],
  ] as const)("%s", (_, [path, method, operation], want) => {
    expect(operationDescriptor(operationOf(path, method, operation))).toEqual(want);
  });
});

describe("literal", () => {
  it.each([
    ["GET", '"GET"'],
    [["a", "b"], '["a", "b"]'],
    [
      { method: "GET", headers: { "X-A": "X-A", plain: "p" }, bodyRequired: true },
      '{ method: "GET", headers: { "X-A": "X-A", plain: "p" }, bodyRequired: true }',
    ],
    [{ 'say "hi"': "line\nbreak" }, '{ "say \\"hi\\"": "line\\nbreak" }'],
    [{ method: "POST", stream: READ_EVENT_STREAM }, '{ method: "POST", stream: readEventStream }'],
  ])("writes %j as %s", (value, want) => {
    expect(literal(value)).toBe(want);
  });
});

describe("callStatement", () => {
  it.each([
    [
      [
        "/v2/widgets/{widget_id}",
        "get",
        { operationId: "widgets_get", parameters: [pathParam("widget_id")], responses: ok({ type: "object" }) },
      ],
      'return client.request({ method: "GET", path: "/v2/widgets/{widget_id}" }, [widgetId], undefined, options);',
    ],
    [
      [
        "/v2/widgets",
        "get",
        { operationId: "widgets_list", parameters: [query("per_page"), query("page")], responses: ok(widgetList) },
      ],
      'return client.paginate({ method: "GET", path: "/v2/widgets", query: ["per_page", "page"], items: "widgets" }, [], params, options);',
    ],
  ] as const)("%j", ([path, method, operation], want) => {
    expect(callStatement(operationOf(path, method, operation))).toBe(want);
  });
});
