// ajv's verdict on a value against a schema of the document: what
// drop-mismatched-examples asks when its schema walk (interpret-schema.ts)
// meets a keyword it does not interpret.
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import type { OpenApiDocument } from "../../../openapi.ts";
import { formatPointer, getAt, parsePointer } from "../../../pointer.ts";
import { isObject, type JsonObject } from "./walk-document.ts";

// ajv-formats is CommonJS; under NodeNext its default export arrives as `.default`.
const addFormats = (addFormatsModule as unknown as { default: (ajv: Ajv) => Ajv }).default;

export type Verdict = { ok: true } | { ok: false; reason: string } | { ok: "unknown"; reason: string };

const ANNOTATIONS = new Set(["description", "title", "example", "examples", "externalDocs", "deprecated", "xml"]);
const SCHEMA_LISTS = new Set(["allOf", "anyOf", "oneOf"]);
const SCHEMA_VALUES = new Set(["items", "additionalProperties", "not"]);

/**
 * Validates values against schemas of one document. ajv would recompile a
 * ref'd schema for every validator that reaches it, so each ref target is
 * registered once under its own id (refs rewritten to those ids), and each
 * distinct schema (annotations left out: most leaf schemas here only differ in
 * descriptions and examples) is compiled once. The whole spec takes about a
 * second.
 */
export function schemaChecker(doc: OpenApiDocument): (schema: unknown, value: unknown) => Verdict {
  // Each validator runs a few times at most: optimising its code costs more than it saves.
  const ajv = new Ajv({
    strict: false,
    validateSchema: false,
    allErrors: false,
    logger: false,
    inlineRefs: false,
    code: { optimize: false },
  });
  addFormats(ajv);
  const ids = new Map<string, string>();
  const idOf = (ref: string): string => {
    const pointer = formatPointer(parsePointer(ref));
    let id = ids.get(pointer);
    if (!id) {
      id = `ref-${ids.size}.json`;
      ids.set(pointer, id);
      const target = getAt(doc, parsePointer(ref));
      // Registered before its own refs are rewritten, so cycles end here.
      if (target !== undefined) ajv.addSchema(copy(target) as object, id);
    }
    return id;
  };
  const copy = (schema: unknown): unknown => {
    if (!isObject(schema)) return schema;
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(schema)) {
      if (ANNOTATIONS.has(key)) continue;
      if (key === "$ref" && typeof value === "string" && value.startsWith("#")) out[key] = idOf(value);
      else if (key === "properties" && isObject(value)) {
        out[key] = Object.fromEntries(Object.entries(value).map(([name, child]) => [name, copy(child)]));
      } else if (SCHEMA_LISTS.has(key) && Array.isArray(value)) out[key] = value.map(copy);
      else if (SCHEMA_VALUES.has(key)) out[key] = copy(value);
      else out[key] = value;
    }
    return out;
  };
  const compiled = new Map<string, ValidateFunction | Error>();
  return (schema, value) => {
    const schemaCopy = copy(schema);
    const key = JSON.stringify(schemaCopy);
    let validate = compiled.get(key);
    if (!validate) {
      try {
        validate = ajv.compile(schemaCopy as object);
      } catch (error) {
        validate = error as Error;
      }
      compiled.set(key, validate);
    }
    if (validate instanceof Error) return { ok: "unknown", reason: validate.message };
    if (validate(value)) return { ok: true };
    const error = validate.errors?.[0];
    return { ok: false, reason: error ? `${error.instancePath || "(root)"} ${error.message}` : "does not match" };
  };
}
