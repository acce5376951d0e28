// The contract suite's own machinery on small documents: the response check
// must reject what the schema forbids (or every contract test would pass
// vacuously), honour OpenAPI's `nullable`, and the request sampler must fill
// in what Prism insists on.
import { describe, expect, test } from "vitest";
import type { OpenApiDocument } from "../../generator/openapi.ts";
import { responseProblems } from "./support/check-response.ts";
import type { ContractOperation } from "./support/contract-spec.ts";
import { responseValidator } from "./support/response-validator.ts";
import { sampleValue } from "./support/sample-value.ts";

const doc = {
  openapi: "3.0.0",
  info: { title: "fixture", version: "1" },
  paths: {},
  components: {
    schemas: {
      Thing: {
        type: "object",
        required: ["id", "tag"],
        properties: {
          id: { type: "integer", readOnly: true },
          tag: { type: "string", pattern: "^[a-z\\-\\:]+$", example: "env:prod" },
          note: { type: "string", nullable: true },
          owner: { $ref: "#/components/schemas/Owner", nullable: true },
          size: { type: "string", format: "int64" },
          cidr: { type: "string", format: "cidr" },
        },
      },
      Owner: { type: "object", properties: { email: { type: "string", format: "email" } } },
    },
  },
} as unknown as OpenApiDocument;

const thing = { $ref: "#/components/schemas/Thing" };

describe("response validator", () => {
  const validator = responseValidator(doc);

  test("accepts a body that matches, with nulls where the schema is nullable", () => {
    expect(
      validator.check(thing, { id: 1, tag: "env:prod", note: null, owner: null, size: "12", cidr: "anything" }),
    ).toBeUndefined();
  });

  test("rejects nulls where the schema is not nullable, wrong types, missing required properties and bad formats", () => {
    expect(validator.check(thing, { id: null, tag: "a" })).toMatch(/body\/id must be integer/);
    expect(validator.check(thing, { id: 1 })).toMatch(/must have required property 'tag'/);
    expect(validator.check(thing, { id: 1, tag: "UPPER" })).toMatch(/body\/tag must match pattern/);
    expect(validator.check(thing, { id: 1, tag: "a", owner: { email: "not an email" } })).toMatch(/body\/owner/);
  });

  test("a JSON operation whose body breaks its schema has a problem; a no-body operation must give undefined", () => {
    const op = (response: object) => ({ key: "GET /x", info: { response } }) as unknown as ContractOperation;
    const json = op({ kind: "json", status: "200", schema: thing });
    expect(
      responseProblems(
        json,
        { status: 200, data: { id: "1", tag: "a" }, contentType: "application/json" },
        validator,
      ).join(),
    ).toMatch(/does not match the response schema/);
    expect(
      responseProblems(json, { status: 201, data: { id: 1, tag: "a" }, contentType: "application/json" }, validator),
    ).toEqual(["status 201, documented 200"]);
    const none = op({ kind: "none", status: "204" });
    expect(responseProblems(none, { status: 204, data: undefined, contentType: null }, validator)).toEqual([]);
    expect(responseProblems(none, { status: 204, data: "", contentType: null }, validator)).toHaveLength(1);
    const binary = op({ kind: "binary", status: "200", mediaType: "application/pdf" });
    expect(
      responseProblems(binary, { status: 200, data: "%PDF", contentType: "application/pdf" }, validator),
    ).toHaveLength(1);
  });
});

describe("request sampler", () => {
  test("fills required properties and exampled optional ones, never readOnly ones", () => {
    expect(sampleValue(doc, thing)).toEqual({ tag: "env:prod" });
  });

  test("keeps a required list written beside a $ref, as Prism enforces it", () => {
    const value = sampleValue(doc, { $ref: "#/components/schemas/Owner", required: ["email"] });
    expect(value).toEqual({ email: "sammy@example.com" });
  });

  test("takes the first branch of a union together with the union's own required properties", () => {
    const schema = {
      type: "object",
      required: ["region"],
      properties: { region: { type: "string", enum: ["nyc1", "ams3"] } },
      oneOf: [{ required: ["name"], properties: { name: { type: "string", minLength: 10 } } }, { required: ["names"] }],
    };
    expect(sampleValue(doc, schema)).toEqual({ region: "nyc1", name: "examplexxx" });
  });

  test("does not invent a required property that has no schema (the types do not offer it either)", () => {
    const schema = {
      type: "object",
      required: ["name", "method"],
      properties: { name: { type: "string", example: "check" } },
    };
    expect(sampleValue(doc, schema)).toEqual({ name: "check" });
  });

  test("respects numeric bounds and array minimums", () => {
    expect(sampleValue(doc, { type: "integer", minimum: 5, maximum: 9 })).toBe(5);
    expect(sampleValue(doc, { type: "array", minItems: 2, items: { type: "string", format: "uuid" } })).toHaveLength(2);
  });
});
