// The multi-file bundler, given/want on in-memory file sets: shared schemas
// wait under their origin names, single-use ones stay in place, everything
// else is written in place, mappings that name files resolve, and where a
// schema is first met never matters.
import { describe, expect, it } from "vitest";
import { bundleSpec } from "../../../generator/load/bundle.ts";
import { SpecError } from "../../../generator/load/spec-error.ts";

const ROOT = "/spec";
const ENTRY = `${ROOT}/openapi.yaml`;
const ok = { description: "ok" };

/** A spec of one entry file plus other files (paths relative to /spec). */
function bundle(entry: object, others: Record<string, unknown> = {}) {
  const files = new Map<string, unknown>([[ENTRY, { openapi: "3.0.0", info: { title: "t", version: "1" }, ...entry }]]);
  for (const [path, value] of Object.entries(others)) files.set(`${ROOT}/${path}`, value);
  return bundleSpec({ entry: ENTRY, files });
}

/** An operation answering 200 with `schema`. */
const answering = (schema: unknown, operationId = "op") => ({
  get: { operationId, responses: { "200": { ...ok, content: { "application/json": { schema } } } } },
});

describe("bundleSpec", () => {
  it("leaves a single-file spec as written, refs included", () => {
    const entry = {
      paths: { "/a": answering({ $ref: "#/paths/~1b/get/responses/200/content/application~1json/schema" }) },
    };
    const { doc, origins } = bundle(entry);
    expect(doc.paths).toEqual(entry.paths);
    expect(origins.size).toBe(0);
    expect(doc).not.toHaveProperty("x-bundled-schemas");
  });

  it("puts a schema two files refer to under its file's name, and writes a schema used once in place", () => {
    const { doc, origins } = bundle(
      {
        paths: {
          "/a": { get: { $ref: "ops/a.yml" } },
          "/b": answering({ $ref: "models/widget.yml" }, "b"),
        },
      },
      {
        "ops/a.yml": {
          operationId: "a",
          responses: {
            "200": {
              ...ok,
              content: {
                "application/json": {
                  schema: {
                    properties: { widget: { $ref: "../models/widget.yml" }, note: { $ref: "../models/note.yml" } },
                  },
                },
              },
            },
          },
        },
        "models/widget.yml": { type: "object", properties: { id: { type: "integer" } } },
        "models/note.yml": { type: "string", maxLength: 5 },
      },
    );
    const schema = (doc.paths["/a"]!.get!.responses["200"] as { content: Record<string, { schema: unknown }> }).content[
      "application/json"
    ]!.schema;
    expect(schema).toEqual({
      properties: { widget: { $ref: "#/x-bundled-schemas/widget" }, note: { type: "string", maxLength: 5 } },
    });
    expect((doc as unknown as Record<string, unknown>)["x-bundled-schemas"]).toEqual({
      widget: { type: "object", properties: { id: { type: "integer" } } },
    });
    expect([...origins]).toEqual([["widget", "models/widget.yml"]]);
  });

  it("names a fragment after the fragment, resolves refs inside a file against that file, and keeps recursion finite", () => {
    const { doc } = bundle(
      {
        paths: {
          "/a": answering({ $ref: "models/actions.yml#/action_rename" }, "a"),
          "/b": answering({ $ref: "models/actions.yml#/action_rename" }, "b"),
          "/c": answering({ $ref: "models/tree.yml" }, "c"),
        },
      },
      {
        "models/actions.yml": {
          action: { type: "object", properties: { type: { type: "string" } } },
          action_rename: { allOf: [{ $ref: "#/action" }, { properties: { name: { type: "string" } } }] },
        },
        "models/tree.yml": { type: "object", properties: { children: { type: "array", items: { $ref: "tree.yml" } } } },
      },
    );
    const bundled = (doc as unknown as Record<string, Record<string, unknown>>)["x-bundled-schemas"]!;
    expect(Object.keys(bundled).sort()).toEqual(["action_rename", "tree"]);
    // Used once (by action_rename only): written in place.
    expect(bundled.action_rename).toEqual({
      allOf: [
        { type: "object", properties: { type: { type: "string" } } },
        { properties: { name: { type: "string" } } },
      ],
    });
    expect(bundled.tree).toEqual({
      type: "object",
      properties: { children: { type: "array", items: { $ref: "#/x-bundled-schemas/tree" } } },
    });
  });

  it("settles two files of one name: the one in the resource of that name keeps it, the other is qualified", () => {
    const { origins } = bundle(
      {
        paths: {
          "/r": answering({ items: { $ref: "resources/regions/models/region.yml" } }, "r"),
          "/s": answering({ $ref: "resources/regions/models/region.yml" }, "s"),
          "/w": answering({ $ref: "resources/widgets/models/region.yml" }, "w"),
          "/x": answering({ $ref: "resources/widgets/models/region.yml" }, "x"),
          "/y": answering({ $ref: "resources/widgets/models/region.yml" }, "y"),
        },
      },
      {
        "resources/regions/models/region.yml": { type: "object", properties: { slug: { type: "string" } } },
        "resources/widgets/models/region.yml": { type: "object", properties: { edge: { type: "string" } } },
      },
    );
    // Widgets' region is used more, yet regions/ is region's home.
    expect(Object.fromEntries(origins)).toEqual({
      region: "resources/regions/models/region.yml",
      widgets_region: "resources/widgets/models/region.yml",
    });
  });

  it("resolves discriminator mappings that name files, relative to the file they are in", () => {
    const { doc } = bundle(
      { paths: { "/a": { post: { $ref: "ops/act.yml" } } } },
      {
        "ops/act.yml": {
          operationId: "act",
          requestBody: {
            content: {
              "application/json": {
                schema: {
                  oneOf: [{ $ref: "../models/actions.yml#/go" }, { $ref: "../models/actions.yml#/stop" }],
                  discriminator: {
                    propertyName: "type",
                    mapping: { go: "../models/actions.yml#/go", stop: "../models/actions.yml#/stop", gone: "x.yml#/y" },
                  },
                },
              },
            },
          },
          responses: { "204": { description: "done" } },
        },
        "models/actions.yml": { go: { type: "object" }, stop: { type: "object" } },
      },
    );
    const schema = (doc.paths["/a"]!.post!.requestBody as { content: Record<string, { schema: unknown }> }).content[
      "application/json"
    ]!.schema;
    expect(schema).toEqual({
      oneOf: [{ $ref: "#/x-bundled-schemas/go" }, { $ref: "#/x-bundled-schemas/stop" }],
      discriminator: {
        propertyName: "type",
        // A name no file has is left as written, for drop-broken-discriminator-mappings to report.
        mapping: { go: "#/x-bundled-schemas/go", stop: "#/x-bundled-schemas/stop", gone: "x.yml#/y" },
      },
    });
  });

  it("writes in place what has no model: a shared properties map, an example, a description", () => {
    const { doc } = bundle(
      {
        info: { title: "t", version: "1", description: { $ref: "text.yml#/intro" } },
        paths: {
          "/a": {
            get: {
              operationId: "a",
              responses: {
                "200": {
                  ...ok,
                  content: {
                    "application/json": {
                      schema: { type: "object", properties: { $ref: "attributes.yml#/labels" } },
                      example: { $ref: "examples.yml#/a" },
                    },
                  },
                },
              },
            },
          },
        },
      },
      {
        "text.yml": { intro: "Hello." },
        "attributes.yml": { labels: { labels: { type: "array", items: { type: "string" } } } },
        "examples.yml": { a: { labels: ["x"] } },
      },
    );
    expect(doc.info.description).toBe("Hello.");
    expect((doc.paths["/a"]!.get!.responses["200"] as { content: unknown }).content).toEqual({
      "application/json": {
        schema: { type: "object", properties: { labels: { type: "array", items: { type: "string" } } } },
        example: { labels: ["x"] },
      },
    });
  });

  it("gives the same document whichever operation meets a shared schema first", () => {
    const others = {
      "ops/one.yml": {
        operationId: "one",
        responses: {
          "200": { ...ok, content: { "application/json": { schema: { oneOf: [{ $ref: "../m.yml#/a" }] } } } },
        },
      },
      "ops/two.yml": {
        operationId: "two",
        responses: { "200": { ...ok, content: { "application/json": { schema: { $ref: "../m.yml#/a" } } } } },
      },
      "m.yml": { a: { type: "object", properties: { b: { type: "string" } } } },
    };
    const forward = bundle(
      { paths: { "/1": { get: { $ref: "ops/one.yml" } }, "/2": { get: { $ref: "ops/two.yml" } } } },
      others,
    );
    const backward = bundle(
      { paths: { "/2": { get: { $ref: "ops/two.yml" } }, "/1": { get: { $ref: "ops/one.yml" } } } },
      others,
    );
    const bundled = (d: unknown) => (d as Record<string, unknown>)["x-bundled-schemas"];
    expect(bundled(forward.doc)).toEqual({ a: { type: "object", properties: { b: { type: "string" } } } });
    expect(bundled(backward.doc)).toEqual(bundled(forward.doc));
  });

  it("turns a ref from another file into the entry into a local ref", () => {
    const { doc } = bundle(
      {
        paths: { "/a": { get: { $ref: "ops/a.yml" } } },
        components: { schemas: { Shared: { type: "object" } } },
      },
      {
        "ops/a.yml": {
          operationId: "a",
          responses: {
            "200": {
              ...ok,
              content: { "application/json": { schema: { $ref: "../openapi.yaml#/components/schemas/Shared" } } },
            },
          },
        },
      },
    );
    expect(
      (doc.paths["/a"]!.get!.responses["200"] as { content: Record<string, { schema: unknown }> }).content[
        "application/json"
      ]!.schema,
    ).toEqual({ $ref: "#/components/schemas/Shared" });
  });

  it("refuses a cycle of non-schema refs, naming the file and pointer", () => {
    const run = () =>
      bundle(
        { paths: { "/a": { get: { $ref: "loop.yml" } } } },
        { "loop.yml": { operationId: "a", responses: { $ref: "loop.yml#/responses" } } },
      );
    expect(run).toThrow(SpecError);
    expect(run).toThrow(/loop\.yml at #\/responses\/\$ref: \$ref cycle through loop\.yml/);
  });
});
