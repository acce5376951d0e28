import { describe, expect, it } from "vitest";
import { buildModel } from "../../../generator/model/build-model.ts";
import { spec } from "../helpers.ts";

const json = (schema: object) => ({ content: { "application/json": { schema } } });
const ok = (schema: object) => ({ "200": { description: "ok", ...json(schema) } });

function model(paths: object, schemas: object = {}) {
  return buildModel(spec({ paths: paths as never, components: { schemas: schemas as never } }));
}

describe("buildModel: operations", () => {
  it("keeps path parameters in path order, whatever order they are declared in", () => {
    const api = model({
      "/v2/registry/{registry_name}/repositories/{repository_name}/tags/{repository_tag}": {
        delete: {
          operationId: "registry_delete_repositoryTag",
          parameters: [
            { name: "repository_tag", in: "path", required: true, schema: { type: "string" } },
            { name: "registry_name", in: "path", required: true, schema: { type: "string" } },
            { name: "repository_name", in: "path", required: true, schema: { type: "string" } },
          ],
          responses: { "204": { description: "gone" } },
        },
      },
    });
    const op = api.operations[0]!;
    expect(op.pathParams.map((p) => p.argName)).toEqual(["registryName", "repositoryName", "repositoryTag"]);
    expect(op.response.kind).toBe("none");
    expect(op.typeNames.params).toBeUndefined();
    expect([op.resource, op.methodName]).toEqual(["registry", "deleteRepositoryTag"]);
  });

  it.each([
    ["application/json", "json"],
    ["application/yaml", "text"],
    ["text/csv", "text"],
    ["application/pdf", "binary"],
  ])("reads a %s response as %s", (mediaType, kind) => {
    const api = model({
      "/x": {
        get: {
          operationId: "x_get",
          responses: { "200": { description: "ok", content: { [mediaType]: { schema: { type: "string" } } } } },
        },
      },
    });
    expect(api.operations[0]!.response).toMatchObject({ kind, mediaType });
  });

  it("treats a 202 without content as empty, even next to error bodies", () => {
    const api = model({
      "/x": {
        post: {
          operationId: "x_run",
          responses: { "202": { description: "accepted" }, "404": { description: "nf", ...json({ type: "object" }) } },
        },
      },
    });
    expect(api.operations[0]!.response.kind).toBe("none");
  });

  it("flattens an object body into the params object, and requires params when a field is required", () => {
    const api = model({
      "/x": {
        post: {
          operationId: "x_create",
          requestBody: {
            required: true,
            ...json({ type: "object", required: ["name"], properties: { name: { type: "string" } } }),
          },
          responses: ok({ type: "object" }),
        },
      },
    });
    const op = api.operations[0]!;
    expect(op.body).toMatchObject({ mode: "fields", required: true });
    expect(op.paramsRequired).toBe(true);
  });

  it.each([
    ["an array body", { type: "array", items: { type: "string" } }, []],
    ["a string body", { type: "string" }, []],
    [
      "a body field that clashes with a query parameter",
      { type: "object", properties: { page: { type: "integer" } } },
      [{ name: "page", in: "query", schema: { type: "integer" } }],
    ],
    [
      "a union with a branch that is not an object",
      { oneOf: [{ type: "object", properties: { a: { type: "string" } } }, { type: "string" }] },
      [],
    ],
  ])("puts %s under the `body` key", (_label, schema, parameters) => {
    const api = model({
      "/x": {
        post: {
          operationId: "x_create",
          parameters,
          requestBody: { required: true, ...json(schema) },
          responses: ok({ type: "object" }),
        },
      },
    });
    expect(api.operations[0]!.body!.mode).toBe("body");
    expect(api.operations[0]!.paramsRequired).toBe(true);
  });

  it.each([
    [
      "a union of objects: every field some branch takes, required what every branch requires",
      {
        oneOf: [
          {
            type: "object",
            required: ["name", "size"],
            properties: { name: { type: "string" }, size: { type: "string" } },
          },
          {
            type: "object",
            required: ["names", "size"],
            properties: { names: { type: "array" }, size: { type: "string" } },
          },
        ],
      },
      { fields: ["name", "names", "size"], requiredFields: ["size"], open: false },
    ],
    [
      "an object constrained by an anyOf of required lists",
      {
        allOf: [
          {
            type: "object",
            required: ["name"],
            properties: { name: { type: "string" }, a: { type: "array" }, b: { type: "array" } },
          },
          { anyOf: [{ required: ["a"] }, { required: ["b"] }] },
        ],
      },
      { fields: ["a", "b", "name"], requiredFields: ["name"], open: false },
    ],
    [
      "an object that takes fields it does not name, and a field named body",
      { type: "object", additionalProperties: true, properties: { body: { type: "string" } } },
      { fields: ["body"], requiredFields: [], open: true },
    ],
  ])("flattens %s", (_label, schema, want) => {
    const api = model({
      "/x": {
        post: {
          operationId: "x_create",
          requestBody: { required: true, ...json(schema) },
          responses: ok({ type: "object" }),
        },
      },
    });
    expect(api.operations[0]!.body).toMatchObject({ mode: "fields", ...want });
  });

  it("leaves params optional when nothing in them is required (optional body, optional query)", () => {
    const api = model({
      "/x": {
        patch: {
          operationId: "x_update",
          parameters: [{ name: "q", in: "query", schema: { type: "string" } }],
          requestBody: json({ type: "object", properties: { name: { type: "string" } } }),
          responses: ok({ type: "object" }),
        },
      },
    });
    expect(api.operations[0]!.paramsRequired).toBe(false);
  });

  it("detects paginated lists: page + per_page + links + one array", () => {
    const list = {
      operationId: "droplets_list",
      parameters: [
        { name: "per_page", in: "query", schema: { type: "integer" } },
        { name: "page", in: "query", schema: { type: "integer" } },
      ],
      responses: ok({
        allOf: [
          {
            type: "object",
            properties: { droplets: { type: "array", items: { $ref: "#/components/schemas/Droplet" } } },
          },
          { $ref: "#/components/schemas/Pagination" },
        ],
      }),
    };
    const api = model(
      { "/v2/droplets": { get: list } },
      { Droplet: { type: "object" }, Pagination: { type: "object", properties: { links: { type: "object" } } } },
    );
    expect(api.operations[0]!.pagination).toEqual({
      itemsKey: "droplets",
      itemSchema: { $ref: "#/components/schemas/Droplet" },
      itemsRequired: false,
    });
    // A required key (here in its own allOf part) makes a page without it malformed.
    const allOf = [
      { type: "object", properties: { droplets: { type: "array", items: { $ref: "#/components/schemas/Droplet" } } } },
      { $ref: "#/components/schemas/Pagination" },
      { required: ["droplets"] },
    ];
    list.responses = ok({ allOf });
    const strict = model(
      { "/v2/droplets": { get: list } },
      { Droplet: { type: "object" }, Pagination: { type: "object", properties: { links: { type: "object" } } } },
    );
    expect(strict.operations[0]!.pagination?.itemsRequired).toBe(true);
  });

  it("does not paginate a list without links", () => {
    const api = model({
      "/v2/x": {
        get: {
          operationId: "x_list",
          parameters: [
            { name: "per_page", in: "query", schema: { type: "integer" } },
            { name: "page", in: "query", schema: { type: "integer" } },
          ],
          responses: ok({ type: "object", properties: { xs: { type: "array", items: { type: "string" } } } }),
        },
      },
    });
    expect(api.operations[0]!.pagination).toBeUndefined();
  });

  it("names are valid and unique even for odd operationIds", () => {
    const api = model({
      "/a": { get: { operationId: "1-clicks.list", responses: ok({ type: "object" }) } },
      "/b": { get: { operationId: "delete", tags: ["Things"], responses: ok({ type: "object" }) } },
      "/c": { get: { operationId: "delete", tags: ["Things"], responses: ok({ type: "object" }) } },
    });
    const names = api.operations.map((o) => o.functionName);
    expect(names[0]).toBe("op1ClicksList");
    expect(new Set(names).size).toBe(3);
    for (const name of names) expect(name).toMatch(/^[A-Za-z_$][A-Za-z0-9_$]*$/);
    expect(names).not.toContain("delete");
  });

  it("never names a group or a method `then` (awaiting the client or a group would call it)", () => {
    const api = model({
      "/a": { get: { operationId: "then_list", responses: ok({ type: "object" }) } },
      "/b": { get: { operationId: "things_then", responses: ok({ type: "object" }) } },
    });
    expect(api.resources.map((r) => r.property)).not.toContain("then");
    expect(api.operations.map((o) => o.methodName)).not.toContain("then");
  });

  it("records the models that error responses carry", () => {
    const api = model(
      {
        "/a": {
          get: {
            operationId: "a_get",
            responses: {
              ...ok({ type: "object" }),
              "404": {
                description: "nf",
                content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
              },
            },
          },
        },
      },
      { Error: { type: "object" } },
    );
    expect(api.operations[0]!.errorModels).toEqual(["Error"]);
    expect(api.models[0]).toMatchObject({ name: "Error", usedBy: [], errorOf: ["aGet"] });
  });

  it("reads parameters, request bodies and responses shared under #/components as if written in place", () => {
    const api = buildModel(
      spec({
        paths: {
          "/v2/things/{thing_id}": {
            parameters: [{ $ref: "#/components/parameters/thing_id" }],
            post: {
              operationId: "things_update",
              parameters: [{ $ref: "#/components/parameters/dry_run" }],
              requestBody: { $ref: "#/components/requestBodies/thing" },
              responses: {
                "200": { $ref: "#/components/responses/thing" },
                "404": { $ref: "#/components/responses/error" },
              },
            },
          },
        } as never,
        components: {
          schemas: { Thing: { type: "object", properties: { name: { type: "string" } } }, Error: { type: "object" } },
          parameters: {
            thing_id: { name: "thing_id", in: "path", required: true, schema: { type: "integer" } },
            dry_run: { name: "dry_run", in: "query", required: true, schema: { type: "boolean" } },
          },
          requestBodies: { thing: { required: true, ...json({ $ref: "#/components/schemas/Thing" }) } },
          responses: {
            thing: { description: "the thing", ...json({ $ref: "#/components/schemas/Thing" }) },
            error: { description: "no", ...json({ $ref: "#/components/schemas/Error" }) },
          },
        } as never,
      }),
    );
    const op = api.operations[0]!;
    expect(op.pathParams.map((p) => p.argName)).toEqual(["thingId"]);
    expect(op.queryParams.map((p) => p.name)).toEqual(["dry_run"]);
    expect(op.paramsRequired).toBe(true);
    expect(op.body).toMatchObject({ mode: "fields", required: true, schema: { $ref: "#/components/schemas/Thing" } });
    expect(op.response).toMatchObject({ kind: "json", description: "the thing" });
    expect(op.errorModels).toEqual(["Error"]);
  });

  it("places a model used by three or more resources in common, others with their main user", () => {
    const use = (id: string) => ({ get: { operationId: id, responses: ok({ $ref: "#/components/schemas/Error" }) } });
    const api = model(
      {
        "/a": use("a_get"),
        "/b": use("b_get"),
        "/c": use("c_get"),
        "/d": { get: { operationId: "d_get", responses: ok({ $ref: "#/components/schemas/Thing" }) } },
      },
      {
        Error: { type: "object" },
        Thing: { type: "object", properties: { inner: { $ref: "#/components/schemas/Inner" } } },
        Inner: { type: "object" },
      },
    );
    const homes = Object.fromEntries(api.models.map((m) => [m.name, m.home]));
    expect(homes).toEqual({ Error: "common", Thing: "d", Inner: "d" });
    const byName = Object.fromEntries(api.models.map((m) => [m.name, m]));
    expect(byName.Error!.usedBy).toEqual(["aGet", "bGet", "cGet"]);
    expect(byName.Inner!).toMatchObject({ usedBy: [], partOf: ["Thing"] });
  });
});
