// Checks a parsed JSON body against an operation's response schema with ajv.
// OpenAPI 3.0 is not JSON Schema: `nullable: true` becomes a type array (or
// an anyOf with null where there is no type), the named schemas are
// registered once as one document so `#/components/schemas/...` refs resolve,
// and formats ajv-formats does not know (int32 on strings, "cidr") pass.
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import type { OpenApiDocument } from "../../../generator/openapi.ts";

// ajv-formats is CommonJS; under NodeNext its default export arrives as `.default`.
const addFormats = (addFormatsModule as unknown as { default: (ajv: Ajv) => Ajv }).default;

const COMPONENTS_ID = "https://contract.test/components.json";
const LOCAL_REF = "#/components/schemas/";

/** Keywords whose values are instance data, copied as they are. */
const DATA_KEYWORDS = new Set(["enum", "default", "const", "examples"]);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** OpenAPI 3.0 schema -> JSON Schema (draft-07 as ajv reads it); `rebase` makes component refs absolute. */
export function toJsonSchema(schema: unknown, rebase: boolean): Json {
  if (Array.isArray(schema)) return schema.map((s) => toJsonSchema(s, rebase));
  if (!schema || typeof schema !== "object") return schema as Json;
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === "nullable" || key === "example") continue;
    if (DATA_KEYWORDS.has(key)) out[key] = value as Json;
    else if (key === "$ref" && typeof value === "string")
      out[key] = rebase && value.startsWith(LOCAL_REF) ? COMPONENTS_ID + value : value;
    // Property names are data, not keywords: only the schemas under them are converted.
    else if (key === "properties" && value && typeof value === "object")
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonSchema(v, rebase)]));
    else out[key] = toJsonSchema(value, rebase);
  }
  if ((schema as { nullable?: unknown }).nullable !== true) return out;
  if (typeof out.type === "string") {
    out.type = [out.type, "null"];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    return out;
  }
  return { anyOf: [out, { type: "null" }] };
}

function formatsIn(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) formatsIn(v, into);
  else if (value && typeof value === "object") {
    const format = (value as { format?: unknown }).format;
    if (typeof format === "string") into.add(format);
    for (const v of Object.values(value)) formatsIn(v, into);
  }
  return into;
}

export interface ResponseValidator {
  /** Undefined when the body matches, else ajv's errors as readable text. */
  check(schema: unknown, body: unknown): string | undefined;
}

export function responseValidator(doc: OpenApiDocument): ResponseValidator {
  // unicodeRegExp off: the spec's patterns are plain ECMA-262 regexes (`\:` is no escape under the u flag).
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false, unicodeRegExp: false });
  addFormats(ajv);
  for (const format of formatsIn(doc)) if (!ajv.formats[format]) ajv.addFormat(format, true);
  const schemas = Object.fromEntries(
    Object.entries(doc.components?.schemas ?? {}).map(([name, s]) => [name, toJsonSchema(s, false)]),
  );
  ajv.addSchema({ components: { schemas } }, COMPONENTS_ID);
  const compiled = new WeakMap<object, ValidateFunction>();
  return {
    check(schema, body) {
      const key = (schema ?? {}) as object;
      let validate = compiled.get(key);
      if (!validate) {
        validate = ajv.compile(toJsonSchema(key, true) as object);
        compiled.set(key, validate);
      }
      if (validate(body)) return undefined;
      return ajv.errorsText(validate.errors, { separator: "\n", dataVar: "body" });
    },
  };
}
