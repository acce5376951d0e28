// Builds a realistic value for a request schema, the way a caller would fill
// it in: the spec's own example where there is one, else a default or the
// first enum member, else a value shaped by type and format. Objects get their
// required properties and the optional ones with examples (never readOnly
// ones); unions take their first branch.
import type { OpenApiDocument } from "../../../generator/openapi.ts";
import { deref } from "../../../generator/model/schema-shape.ts";

type Schema = Record<string, unknown> & {
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  items?: Schema;
  enum?: unknown[];
};

const MAX_DEPTH = 12;

/** Values for string formats, valid for the formats ajv-formats and Prism know. */
const FORMAT_SAMPLES: Record<string, string> = {
  uuid: "3fa85f64-5717-4562-b3fc-2c963f66afa6",
  "date-time": "2024-05-01T12:00:00Z",
  date: "2024-05-01",
  ipv4: "192.0.2.10",
  ipv6: "2001:db8::10",
  email: "sammy@example.com",
  uri: "https://example.com/path",
  url: "https://example.com/path",
  hostname: "example.com",
  byte: "ZXhhbXBsZQ==",
  cidr: "10.10.0.0/16",
  int64: "1",
  uint64: "1",
};

const ANNOTATIONS = new Set(["$ref", "description", "title", "example", "examples", "deprecated", "externalDocs"]);

/**
 * The schema behind a ref. Constraints written beside a `$ref` (a `required`
 * list, mostly) are kept as an allOf, because Prism enforces them.
 */
function resolve(doc: OpenApiDocument, schema: unknown): Schema {
  const ref = (schema as { $ref?: unknown } | undefined)?.$ref;
  if (typeof ref === "string") {
    const siblings = Object.fromEntries(Object.entries(schema as object).filter(([k]) => !ANNOTATIONS.has(k)));
    if (Object.keys(siblings).length) return { allOf: [{ $ref: ref }, siblings] };
  }
  return (deref(doc, schema as never) ?? {}) as Schema;
}

/** allOf parts merged into one object schema: properties combined, required unioned. */
export function flattenAllOf(doc: OpenApiDocument, schemaOrRef: unknown, depth = 0): Schema {
  const schema = resolve(doc, schemaOrRef);
  if (!schema.allOf || depth > MAX_DEPTH) return schema;
  const { allOf, ...own } = schema;
  const merged: Schema = { ...own, properties: { ...(own.properties ?? {}) }, required: [...(own.required ?? [])] };
  for (const part of allOf.map((p) => flattenAllOf(doc, p, depth + 1))) {
    for (const [key, prop] of Object.entries(part.properties ?? {})) {
      const existing = merged.properties![key];
      merged.properties![key] = existing ? { allOf: [existing, prop] } : prop;
    }
    merged.required = [...new Set([...merged.required!, ...(part.required ?? [])])];
    for (const key of ["type", "oneOf", "anyOf", "enum", "items", "format", "nullable"] as const)
      if (part[key] !== undefined && merged[key] === undefined) (merged as Record<string, unknown>)[key] = part[key];
    // Both parts restrict the values: only those in both are valid (a union member narrowed to its tags).
    if (part.enum && merged.enum && part.enum !== merged.enum)
      merged.enum = merged.enum.filter((v) => part.enum!.some((w) => JSON.stringify(w) === JSON.stringify(v)));
  }
  return merged;
}

/** A union resolved to its first branch, with the union's own properties and required list kept. */
function firstBranch(doc: OpenApiDocument, schema: Schema): Schema {
  const branches = (schema.oneOf ?? schema.anyOf)!;
  const { oneOf: _o, anyOf: _a, ...rest } = schema;
  const hasOwn = Object.keys(rest).some((k) => ["properties", "required", "type"].includes(k));
  return hasOwn ? flattenAllOf(doc, { allOf: [rest, branches[0]!] }) : resolve(doc, branches[0]);
}

function stringSample(schema: Schema): string {
  const format = typeof schema.format === "string" ? schema.format : "";
  let s = FORMAT_SAMPLES[format] ?? "example";
  const min = Number(schema.minLength ?? 0);
  const max = Number(schema.maxLength ?? Infinity);
  while (s.length < min) s += "x";
  return s.slice(0, max);
}

function numberSample(schema: Schema): number {
  const min = typeof schema.minimum === "number" ? schema.minimum + (schema.exclusiveMinimum === true ? 1 : 0) : 1;
  const max =
    typeof schema.maximum === "number" ? schema.maximum - (schema.exclusiveMaximum === true ? 1 : 0) : Infinity;
  return Math.min(Math.max(min, 1), max);
}

/**
 * A value for writing (the request side, default): readOnly properties are
 * left out. For the response side, writeOnly ones are.
 */
export function sampleValue(
  doc: OpenApiDocument,
  schemaOrRef: unknown,
  depth = 0,
  side: "request" | "response" = "request",
): unknown {
  if (depth > MAX_DEPTH) return undefined;
  const own = (schemaOrRef ?? {}) as Schema;
  if ("example" in own) return structuredClone(own.example);
  const schema = resolve(doc, schemaOrRef);
  if ("example" in schema) return structuredClone(schema.example);
  if (schema.default !== undefined) return structuredClone(schema.default);
  if (schema.enum?.length) return schema.enum.find((v) => v !== null) ?? null;
  if (schema.allOf) return sampleValue(doc, flattenAllOf(doc, schema), depth + 1, side);
  if (schema.oneOf?.length || schema.anyOf?.length) return sampleValue(doc, firstBranch(doc, schema), depth + 1, side);
  const type = schema.type ?? (schema.properties ? "object" : schema.items ? "array" : undefined);
  switch (type) {
    case "object": {
      // Required properties, and optional ones the spec shows an example for, as a caller fills in a form.
      const required = new Set(schema.required ?? []);
      const keys = [...required, ...Object.keys(schema.properties ?? {}).filter((k) => !required.has(k))];
      const out: Record<string, unknown> = {};
      for (const key of keys) {
        const prop = schema.properties?.[key];
        // A required name with no property schema is a spec defect: the generated types do not
        // offer it, so a caller cannot send it either, and the test must show Prism's refusal.
        if (!prop) continue;
        const resolved = resolve(doc, prop);
        if (side === "request" ? resolved.readOnly : resolved.writeOnly) continue;
        if (!required.has(key) && !("example" in prop) && !("example" in resolved)) continue;
        const value = sampleValue(doc, prop, depth + 1, side);
        if (value !== undefined) out[key] = value;
      }
      return out;
    }
    case "array": {
      const count = Math.max(1, Number(schema.minItems ?? 1));
      const item = sampleValue(doc, schema.items ?? {}, depth + 1, side);
      return item === undefined ? [] : Array.from({ length: count }, () => structuredClone(item));
    }
    case "string":
      return stringSample(schema);
    case "integer":
      return Math.ceil(numberSample(schema));
    case "number":
      return numberSample(schema);
    case "boolean":
      return true;
    default:
      // Untyped: anything is valid.
      return "example";
  }
}

/**
 * Every example the spec gives for a value, most specific first: a
 * parameter's or media type's `example` and `examples`, then the schema's
 * and its union branches'.
 */
export function examplesOf(
  doc: OpenApiDocument,
  holder: { example?: unknown; examples?: Record<string, unknown>; schema?: unknown },
): unknown[] {
  const found: unknown[] = [];
  for (const ex of Object.values(holder.examples ?? {})) {
    const value = (resolve(doc, ex) as { value?: unknown }).value;
    if (value !== undefined) found.push(value);
  }
  if (holder.example !== undefined) found.push(holder.example);
  const schema = resolve(doc, holder.schema);
  if (schema.example !== undefined) found.push(schema.example);
  for (const branch of [...(schema.oneOf ?? []), ...(schema.anyOf ?? [])]) {
    const b = resolve(doc, branch);
    if (b.example !== undefined) found.push(b.example);
  }
  return found.map((v) => structuredClone(v));
}
