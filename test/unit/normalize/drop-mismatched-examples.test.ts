import { describe, expect, it } from "vitest";
import { dropMismatchedExamples } from "../../../generator/normalize/passes/drop-mismatched-examples.ts";
import { apply, spec } from "../helpers.ts";
import { RESPONSE_SCHEMA, at, withResponseSchema } from "./fixtures.ts";

const window = {
  type: "object",
  properties: {
    day: { type: "string" },
    hour: { type: "string", example: 840 },
    at: { type: "string", format: "date-time" },
  },
};

describe("drop-mismatched-examples", () => {
  it.each([
    ["a schema example of the wrong type", { type: "string", example: 840 }, { type: "string" }],
    ["a schema example that matches", { type: "string", example: "14:00" }, { type: "string", example: "14:00" }],
    [
      "a format violation",
      { type: "string", format: "date-time", example: "yesterday" },
      { type: "string", format: "date-time" },
    ],
    [
      "a valid format",
      { type: "string", format: "uuid", example: "b6bdf840-2854-4f87-a36c-5f231c617c84" },
      { type: "string", format: "uuid", example: "b6bdf840-2854-4f87-a36c-5f231c617c84" },
    ],
    [
      "null where nullable",
      { type: "integer", nullable: true, example: null },
      { type: "integer", nullable: true, example: null },
    ],
    ["null where not nullable", { type: "integer", example: null }, { type: "integer" }],
    ["an enum miss", { type: "string", enum: ["a"], example: "b" }, { type: "string", enum: ["a"] }],
    ["a pattern miss", { type: "string", pattern: "^[a-z]+$", example: "A1" }, { type: "string", pattern: "^[a-z]+$" }],
  ])("%s", (_, given, want) => {
    const { doc } = apply(dropMismatchedExamples, withResponseSchema({ type: "object", properties: { v: given } }));
    expect(at(doc, `${RESPONSE_SCHEMA}/properties/v`)).toEqual(want);
  });

  it("checks media type, parameter and header examples against their schemas, through refs into other operations", () => {
    const ref = { $ref: `${RESPONSE_SCHEMA}/properties/window` };
    const given = withResponseSchema(
      { type: "object", properties: { window } },
      {
        "/m/{id}": {
          put: {
            parameters: [
              { name: "id", in: "path", required: true, schema: { type: "integer" }, example: "abc" },
              {
                name: "q",
                in: "query",
                schema: { type: "integer" },
                examples: { good: { value: 1 }, bad: { value: "x" } },
              },
            ],
            requestBody: {
              content: {
                "application/json": {
                  schema: ref,
                  example: { day: "tuesday", hour: 840 },
                  examples: {
                    ok: { value: { day: "tuesday", hour: "14:00" } },
                    broken: { summary: "s", value: { hour: 840 } },
                    shared: { $ref: "#/paths/~1m~1{id}/put/requestBody/content/application~1json/examples/ok" },
                    external: { externalValue: "https://example.com/x.json" },
                  },
                },
              },
            },
            responses: {
              "200": {
                description: "ok",
                headers: { "x-count": { schema: { type: "integer" }, example: "many" } },
                content: { "application/json": { schema: ref, examples: { only: { value: { at: "not a date" } } } } },
              },
            },
          },
        },
      },
    );
    const { doc, report } = apply(dropMismatchedExamples, given);
    const op = "#/paths/~1m~1{id}/put";
    expect(at(doc, `${op}/parameters/0`)).toEqual({
      name: "id",
      in: "path",
      required: true,
      schema: { type: "integer" },
    });
    expect(at(doc, `${op}/parameters/1/examples`)).toEqual({ good: { value: 1 } });
    expect(at(doc, `${op}/requestBody/content/application~1json`)).toEqual({
      schema: ref,
      examples: {
        ok: { value: { day: "tuesday", hour: "14:00" } },
        shared: { $ref: "#/paths/~1m~1{id}/put/requestBody/content/application~1json/examples/ok" },
        external: { externalValue: "https://example.com/x.json" },
      },
    });
    expect(at(doc, `${op}/responses/200/headers/x-count`)).toEqual({ schema: { type: "integer" } });
    expect(at(doc, `${op}/responses/200/content/application~1json`)).toEqual({ schema: ref });
    expect(report.fixes.map((f) => f.pointer).sort()).toEqual(
      [
        `${RESPONSE_SCHEMA}/properties/window/properties/hour/example`,
        `${op}/parameters/0/example`,
        `${op}/parameters/1/examples/bad`,
        `${op}/requestBody/content/application~1json/example`,
        `${op}/requestBody/content/application~1json/examples/broken`,
        `${op}/responses/200/headers/x-count/example`,
        `${op}/responses/200/content/application~1json/examples/only`,
      ].sort(),
    );
    expect(report.fixes.find((f) => f.pointer === `${op}/requestBody/content/application~1json/example`)!.message).toBe(
      "dropped an example that does not match its schema: /hour must be string",
    );
    expect(report.warnings.map((w) => w.pointer)).toEqual(report.fixes.map((f) => f.pointer));
    expect(report.warnings.map((w) => w.message)).toEqual(report.fixes.map((f) => f.message));
  });

  it("keeps the examples of a schema that does not compile, and says so once", () => {
    const given = withResponseSchema({ type: "string", pattern: "\\:", example: "x" });
    const { doc, report } = apply(dropMismatchedExamples, given);
    expect(doc).toEqual(given);
    expect(report.fixes).toEqual([]);
    expect(report.warnings).toEqual([
      {
        message:
          "cannot compile the schema, its examples are kept unchecked: Invalid regular expression: /\\:/u: Invalid escape",
        pointer: RESPONSE_SCHEMA,
      },
    ]);
  });

  it("judges a $ref example against the schema beside it, and keeps a mismatching example other refs use", () => {
    const content = (type: string, example: unknown) => ({ schema: { type }, examples: { e: example } });
    const base = "#/paths/~1a/get/responses/200/content";
    const given = spec({
      paths: {
        "/a": {
          get: {
            responses: {
              "200": {
                description: "ok",
                content: {
                  "application/json": content("string", { value: "text" }),
                  "text/plain": content("integer", { $ref: `${base}/application~1json/examples/e` }),
                  "application/xml": content("integer", { $ref: `${base}/text~1plain/examples/e` }),
                },
              },
            },
          },
        },
      },
    } as never);
    const { doc, report } = apply(dropMismatchedExamples, given);
    expect(at(doc, `${base}/application~1json`)).toEqual(content("string", { value: "text" }));
    expect(at(doc, `${base}/text~1plain`)).toEqual(
      content("integer", { $ref: `${base}/application~1json/examples/e` }),
    );
    expect(at(doc, `${base}/application~1xml`)).toEqual({ schema: { type: "integer" } });
    expect(report.fixes.map((f) => f.pointer)).toEqual([`${base}/application~1xml/examples/e`]);
    expect(report.warnings).toEqual([
      {
        message: "kept an example that does not match its schema because other $refs use it: (root) must be integer",
        pointer: `${base}/text~1plain/examples/e`,
      },
      {
        message: "dropped an example that does not match its schema: (root) must be integer",
        pointer: `${base}/application~1xml/examples/e`,
      },
    ]);
  });

  it("changes nothing when every example matches", () => {
    const given = withResponseSchema({
      type: "object",
      properties: {
        window: {
          ...window,
          example: { day: "mon", hour: "14:00" },
          properties: { ...window.properties, hour: { type: "string", example: "14:00" } },
        },
      },
    });
    const { doc, report } = apply(dropMismatchedExamples, given);
    expect(doc).toEqual(given);
    expect(report).toEqual({ pass: "drop-mismatched-examples", fixes: [], warnings: [] });
  });
});
