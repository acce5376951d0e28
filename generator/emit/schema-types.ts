// Schema -> TypeScript type text, by openapi-typescript's own schema
// transform. Its refs come out as `components["schemas"]["X"]`; we rewrite
// those to the bare model name X, since every model is a named export here.
import type ts from "typescript";
import {
  astToString,
  resolveRef,
  transformSchemaObject,
  type GlobalContext,
  type OpenAPI3,
  type SchemaObject,
} from "openapi-typescript";
import type { OpenApiDocument, SchemaOrRef } from "../openapi.ts";

export interface SchemaTyper {
  /** Type text for a schema; `path` is used in openapi-typescript's own errors. */
  typeOf(schema: SchemaOrRef, path: string): string;
  /** Helper declarations the types so far rely on (e.g. WithRequired), by name. */
  readonly helpers: ReadonlyMap<string, string>;
}

// openapi-typescript prints every model ref as `components["schemas"]["X"]`
// (property refs do not pass through its postTransform hook, so the printed
// text is the one place all of them can be caught). Model names are plain
// identifiers, which makes this rewrite exact.
const MODEL_REF = /components\["schemas"\]\["([^"\\]+)"\]/g;

/**
 * Discriminators are left out of the types: the members of every tagged union
 * here already type their tag property, and openapi-typescript would otherwise
 * invent tag values from model names where a mapping is missing.
 */
function withoutDiscriminators(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutDiscriminators);
  if (!schema || typeof schema !== "object") return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === "discriminator") continue;
    // defineProperty, not assignment: a property named "__proto__" must stay a property.
    Object.defineProperty(out, key, {
      value:
        key === "example" || key === "examples" || key === "enum" || key === "default"
          ? value
          : withoutDiscriminators(value),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/** @param modelNames schema key -> the model's identifier (ApiModel.modelNames). */
export function createSchemaTyper(
  doc: OpenApiDocument,
  modelNames: ReadonlyMap<string, string> = new Map(),
): SchemaTyper {
  const spec = doc as unknown as OpenAPI3;
  const ctx: GlobalContext = {
    additionalProperties: false,
    alphabetize: false,
    arrayLength: false,
    defaultNonNullable: false, // a `default` does not make a request parameter required
    discriminators: { objects: {}, refsHandled: [] },
    emptyObjectsUnknown: false,
    enum: false,
    enumValues: false,
    conditionalEnums: false,
    dedupeEnums: false,
    excludeDeprecated: false,
    exportType: false,
    immutable: false,
    rootTypes: false,
    rootTypesNoSchemaPrefix: false,
    rootTypesKeepCasing: false,
    injectFooter: [],
    pathParamsAsTypes: false,
    postTransform: undefined,
    propertiesRequiredByDefault: false,
    redoc: undefined as never,
    silent: true,
    transform: undefined,
    transformProperty: undefined,
    makePathsEnum: false,
    generatePathParams: false,
    readWriteMarkers: false,
    resolve: ($ref) => resolveRef(spec, $ref, { silent: true }),
  };
  const helpers = new Map<string, string>();
  return {
    helpers,
    typeOf(schema, path) {
      ctx.injectFooter.length = 0;
      const node = transformSchemaObject(withoutDiscriminators(schema) as SchemaObject, { path, ctx });
      for (const footer of ctx.injectFooter) {
        const name = (footer as ts.Node & { name?: ts.Identifier }).name?.text;
        if (name) helpers.set(name, astToString(footer).trim());
      }
      return astToString(node)
        .trim()
        .replace(MODEL_REF, (_, key: string) => modelNames.get(key) ?? key);
    },
  };
}
