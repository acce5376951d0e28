// Passes fix things wherever they occur: a schema, parameter or media type in
// this spec may sit under any operation (refs point across operations), so the
// passes share one structural walk of the document instead of each guessing
// where those objects live. The walk follows OpenAPI 3.0's shape only: a key
// that happens to be named "example" or "type" inside `properties` or inside an
// example value is never mistaken for a keyword.
import type { OpenApiDocument } from "../../../openapi.ts";
import { BUNDLED_SCHEMAS, HTTP_METHODS } from "../../../openapi.ts";

export type JsonObject = Record<string, unknown>;

/** Where a visited object sits in the document (JSON Pointer tokens). */
export type Tokens = readonly string[];

export interface DocumentVisitor {
  /**
   * Every schema object, nested ones included, `$ref` objects included (their
   * targets are visited where they live). A visitor that replaced the schema
   * in its output returns the replacement, and the walk goes on into that.
   */
  // biome-ignore lint/suspicious/noConfusingVoidType: a visitor that replaces nothing returns nothing
  schema?(schema: JsonObject, at: Tokens): JsonObject | undefined | void;
  /** Every inline parameter object (not `$ref` ones). */
  parameter?(parameter: JsonObject, at: Tokens): void;
  /** Every media type object (`content[type]`) of a parameter, header, request body or response. */
  mediaType?(mediaType: JsonObject, at: Tokens): void;
  /** Every inline header object of a response or of components. */
  header?(header: JsonObject, at: Tokens): void;
  /** Every inline operation object. */
  operation?(operation: JsonObject, at: Tokens): void;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function hasRef(value: unknown): boolean {
  return isObject(value) && typeof value.$ref === "string";
}

const SCHEMA_MAP_KEYWORDS = ["properties"] as const;
const SCHEMA_LIST_KEYWORDS = ["allOf", "anyOf", "oneOf"] as const;
const SCHEMA_KEYWORDS = ["items", "additionalProperties", "not"] as const;

function entries(value: unknown): [string, unknown][] {
  return isObject(value) ? Object.entries(value) : [];
}

/** Walks every schema, parameter, media type, header and operation of the document, in document order. */
export function walkDocument(doc: OpenApiDocument, visitor: DocumentVisitor): void {
  const schema = (given: unknown, at: Tokens): void => {
    if (!isObject(given)) return;
    const node = visitor.schema?.(given, at) ?? given;
    if (hasRef(node)) return;
    for (const key of SCHEMA_MAP_KEYWORDS) {
      for (const [name, child] of entries(node[key])) schema(child, [...at, key, name]);
    }
    for (const key of SCHEMA_LIST_KEYWORDS) {
      const list = node[key];
      if (Array.isArray(list)) for (const [i, child] of list.entries()) schema(child, [...at, key, String(i)]);
    }
    for (const key of SCHEMA_KEYWORDS) schema(node[key], [...at, key]);
  };
  const content = (node: unknown, at: Tokens): void => {
    for (const [type, media] of entries(node)) {
      if (!isObject(media)) continue;
      const mediaAt = [...at, type];
      visitor.mediaType?.(media, mediaAt);
      schema(media.schema, [...mediaAt, "schema"]);
    }
  };
  const parameter = (node: unknown, at: Tokens): void => {
    if (!isObject(node) || hasRef(node)) return;
    visitor.parameter?.(node, at);
    schema(node.schema, [...at, "schema"]);
    content(node.content, [...at, "content"]);
  };
  const parameterList = (node: unknown, at: Tokens): void => {
    if (Array.isArray(node)) for (const [i, p] of node.entries()) parameter(p, [...at, String(i)]);
  };
  const header = (node: unknown, at: Tokens): void => {
    if (!isObject(node) || hasRef(node)) return;
    visitor.header?.(node, at);
    schema(node.schema, [...at, "schema"]);
    content(node.content, [...at, "content"]);
  };
  const body = (node: unknown, at: Tokens): void => {
    if (!isObject(node) || hasRef(node)) return;
    for (const [name, h] of entries(node.headers)) header(h, [...at, "headers", name]);
    content(node.content, [...at, "content"]);
  };

  for (const [path, item] of entries(doc.paths)) {
    if (!isObject(item)) continue;
    const itemAt = ["paths", path];
    parameterList(item.parameters, [...itemAt, "parameters"]);
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      const opAt = [...itemAt, method];
      visitor.operation?.(op, opAt);
      parameterList(op.parameters, [...opAt, "parameters"]);
      body(op.requestBody, [...opAt, "requestBody"]);
      for (const [code, response] of entries(op.responses)) body(response, [...opAt, "responses", code]);
    }
  }
  const components = (doc.components ?? {}) as JsonObject;
  for (const [name, s] of entries(components.schemas)) schema(s, ["components", "schemas", name]);
  for (const [name, s] of entries((doc as unknown as JsonObject)[BUNDLED_SCHEMAS])) schema(s, [BUNDLED_SCHEMAS, name]);
  for (const [name, p] of entries(components.parameters)) parameter(p, ["components", "parameters", name]);
  for (const [name, h] of entries(components.headers)) header(h, ["components", "headers", name]);
  for (const [name, b] of entries(components.requestBodies)) body(b, ["components", "requestBodies", name]);
  for (const [name, r] of entries(components.responses)) body(r, ["components", "responses", name]);
}
