// Checks a value against a schema by walking both, for the keywords that
// DigitalOcean's specs put around their examples. ajv compiles every schema
// to code first, which pays off for a validator run thousands of times, not
// for ~2,000 examples checked once each: compiling was most of the
// drop-mismatched-examples pass (0.7 s of the pinned spec's generation). The
// rules and messages are ajv's (draft-07, OpenAPI `nullable`, ajv-formats'
// full formats, the first error only); a schema with any other keyword (or a
// pattern that does not compile) is not interpreted, and the caller asks ajv.
import { fullFormats } from "ajv-formats/dist/formats.js";
import type { OpenApiDocument } from "../../../openapi.ts";
import { escapeToken, getAt, parsePointer } from "../../../pointer.ts";
import { isObject, type JsonObject } from "./walk-document.ts";

/** The first problem, as ajv words it (`/hour must be string`), or undefined when the value is valid. */
export type Interpreted = { ok: true } | { ok: false; reason: string } | { ok: "unsupported" };

/** Keywords that say nothing about validity here (ajv ignores them too). */
const IGNORED = new Set([
  "description",
  "title",
  "example",
  "examples",
  "externalDocs",
  "deprecated",
  "xml",
  "default",
  "readOnly",
  "writeOnly",
  "discriminator",
]);
const INTERPRETED = new Set([
  "type",
  "nullable",
  "enum",
  "$ref",
  "properties",
  "required",
  "additionalProperties",
  "items",
  "minItems",
  "maxItems",
  "minLength",
  "maxLength",
  "pattern",
  "format",
  "minimum",
  "maximum",
  "multipleOf",
  "allOf",
  "anyOf",
  "oneOf",
  "not",
]);

class Unsupported extends Error {}

type FormatCheck = (value: unknown) => boolean;

/** ajv-formats' full formats as checks of the values they apply to (strings, or numbers for int32 and the like). */
const FORMATS = new Map<string, FormatCheck>(
  Object.entries(fullFormats).map(([name, format]): [string, FormatCheck] => {
    if (typeof format === "boolean") return [name, () => format];
    const definition = (format instanceof RegExp || typeof format === "function" ? { validate: format } : format) as {
      type?: string;
      validate: RegExp | ((value: unknown) => boolean);
    };
    const { type = "string", validate } = definition;
    const test = validate instanceof RegExp ? (v: unknown) => validate.test(v as string) : validate;
    return [name, (v: unknown) => (type === "number" ? typeof v !== "number" : typeof v !== "string") || test(v)];
  }),
);

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value === "number" ? (Number.isInteger(value) ? "integer" : "number") : typeof value;
}

function hasType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === "number" && actual === "integer");
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => Object.hasOwn(b, k) && deepEqual((a as JsonObject)[k], (b as JsonObject)[k]));
}

/** Does some `pattern` string in the document fail to compile? ajv then refuses every schema that holds it. */
function hasBrokenPattern(node: unknown): boolean {
  if (typeof node !== "object" || node === null) return false;
  for (const [key, value] of Object.entries(node)) {
    if (key === "pattern" && typeof value === "string") {
      try {
        new RegExp(value, "u");
      } catch {
        return true;
      }
    } else if (hasBrokenPattern(value)) return true;
  }
  return false;
}

/**
 * A checker for values against schemas of `doc`. Where a pattern of the
 * document does not compile, ajv judges everything: it refuses a whole schema
 * for a pattern the value never reaches, and the pass reports that.
 */
export function schemaInterpreter(doc: OpenApiDocument): (schema: unknown, value: unknown) => Interpreted {
  if (hasBrokenPattern(doc)) return () => ({ ok: "unsupported" });
  const patterns = new Map<string, RegExp>();
  const pattern = (source: string): RegExp => {
    let regex = patterns.get(source);
    if (!regex) {
      try {
        regex = new RegExp(source, "u");
      } catch {
        throw new Unsupported();
      }
      patterns.set(source, regex);
    }
    return regex;
  };

  /** The first problem of `value` at `path`, or undefined. */
  const check = (schemaOrRef: unknown, value: unknown, path: string, depth: number): string | undefined => {
    if (!isObject(schemaOrRef) || depth > 64) throw new Unsupported();
    const schema = schemaOrRef;
    for (const key of Object.keys(schema))
      if (!INTERPRETED.has(key) && !IGNORED.has(key) && !key.startsWith("x-")) throw new Unsupported();
    const fail = (message: string) => `${path || "(root)"} ${message}`;

    if (schema.type !== undefined) {
      if (typeof schema.type !== "string") throw new Unsupported();
      if (!(hasType(value, schema.type) || (schema.nullable === true && value === null)))
        return fail(`must be ${schema.type}${schema.nullable === true ? ",null" : ""}`);
    } else if (schema.nullable !== undefined) throw new Unsupported();

    // ajv's order: the type, then keywords of any type (core, validation, applicators), then those of the value's type.
    if (schema.$ref !== undefined) {
      if (typeof schema.$ref !== "string" || !schema.$ref.startsWith("#")) throw new Unsupported();
      const target = getAt(doc, parsePointer(schema.$ref));
      if (target === undefined) throw new Unsupported();
      const problem = check(target, value, path, depth + 1);
      if (problem) return problem;
    }
    if (schema.enum !== undefined) {
      if (!Array.isArray(schema.enum)) throw new Unsupported();
      if (!schema.enum.some((allowed) => deepEqual(allowed, value)))
        return fail("must be equal to one of the allowed values");
    }
    if (schema.not !== undefined && check(schema.not, value, path, depth + 1) === undefined)
      return fail("must NOT be valid");
    // ajv keeps the branches' errors before the union's own, so its first error is the first branch's.
    if (schema.anyOf !== undefined) {
      const problems = (schema.anyOf as unknown[]).map((branch) => check(branch, value, path, depth + 1));
      if (!problems.includes(undefined)) return problems[0] ?? fail("must match a schema in anyOf");
    }
    if (schema.oneOf !== undefined) {
      const problems = (schema.oneOf as unknown[]).map((branch) => check(branch, value, path, depth + 1));
      const passing = problems.filter((problem) => problem === undefined).length;
      if (passing !== 1)
        return problems.find((problem) => problem !== undefined) ?? fail("must match exactly one schema in oneOf");
    }
    for (const branch of (schema.allOf as unknown[] | undefined) ?? []) {
      const problem = check(branch, value, path, depth + 1);
      if (problem) return problem;
    }
    const actual = typeOf(value);
    if (actual === "number" || actual === "integer") {
      const n = value as number;
      if (typeof schema.maximum === "number" && !(n <= schema.maximum)) return fail(`must be <= ${schema.maximum}`);
      if (typeof schema.minimum === "number" && !(n >= schema.minimum)) return fail(`must be >= ${schema.minimum}`);
      if (schema.multipleOf !== undefined) {
        if (typeof schema.multipleOf !== "number") throw new Unsupported();
        const ratio = n / schema.multipleOf;
        if (ratio !== Number.parseInt(String(ratio), 10)) return fail(`must be multiple of ${schema.multipleOf}`);
      }
    } else if (actual === "string") {
      const s = value as string;
      const length = () => [...s].length;
      if (typeof schema.maxLength === "number" && length() > schema.maxLength)
        return fail(`must NOT have more than ${schema.maxLength} characters`);
      if (typeof schema.minLength === "number" && length() < schema.minLength)
        return fail(`must NOT have fewer than ${schema.minLength} characters`);
      if (typeof schema.pattern === "string" && !pattern(schema.pattern).test(s))
        return fail(`must match pattern "${schema.pattern}"`);
    } else if (actual === "array") {
      const list = value as unknown[];
      if (typeof schema.maxItems === "number" && list.length > schema.maxItems)
        return fail(`must NOT have more than ${schema.maxItems} items`);
      if (typeof schema.minItems === "number" && list.length < schema.minItems)
        return fail(`must NOT have fewer than ${schema.minItems} items`);
      if (schema.items !== undefined) {
        if (Array.isArray(schema.items)) throw new Unsupported();
        for (let i = 0; i < list.length; i++) {
          const problem = check(schema.items, list[i], `${path}/${i}`, depth + 1);
          if (problem) return problem;
        }
      }
    } else if (actual === "object") {
      const object = value as JsonObject;
      if (schema.required !== undefined && !Array.isArray(schema.required)) throw new Unsupported();
      if (schema.properties !== undefined && !isObject(schema.properties)) throw new Unsupported();
      for (const name of (schema.required as string[] | undefined) ?? [])
        if (object[name] === undefined) return fail(`must have required property '${name}'`);
      const properties = (schema.properties ?? {}) as JsonObject;
      const extra = schema.additionalProperties;
      if (extra !== undefined && extra !== true) {
        for (const key of Object.keys(object)) {
          if (Object.hasOwn(properties, key)) continue;
          if (extra === false) return fail("must NOT have additional properties");
          const problem = check(extra, object[key], `${path}/${escapeToken(key)}`, depth + 1);
          if (problem) return problem;
        }
      }
      for (const [key, property] of Object.entries(properties)) {
        if (object[key] === undefined) continue;
        const problem = check(property, object[key], `${path}/${escapeToken(key)}`, depth + 1);
        if (problem) return problem;
      }
    }
    if (typeof schema.format === "string") {
      const format = FORMATS.get(schema.format);
      if (!format) throw new Unsupported();
      if (!format(value)) return fail(`must match format "${schema.format}"`);
    }

    return undefined;
  };

  return (schema, value) => {
    try {
      const problem = check(schema, value, "", 0);
      return problem === undefined ? { ok: true } : { ok: false, reason: problem };
    } catch (error) {
      if (error instanceof Unsupported) return { ok: "unsupported" };
      throw error;
    }
  };
}
