// Questions the model builder asks of a schema: does it describe an object,
// what are its top-level properties (through refs and allOf), what is the type
// of one property. Refs here only point into `#/components/schemas`.
import { derefLocal, type OpenApiDocument, type SchemaObject, type SchemaOrRef } from "../openapi.ts";
import { parsePointer } from "../pointer.ts";

export function deref(doc: OpenApiDocument, schema: SchemaOrRef | undefined): SchemaObject | undefined {
  return derefLocal(doc, schema) as SchemaObject | undefined;
}

/**
 * The top-level properties of an object schema, merged across allOf and refs,
 * or undefined when the schema is not plainly an object (a union, an array, a
 * primitive), which is what decides whether a body can be flattened.
 */
export function objectProperties(
  doc: OpenApiDocument,
  schemaOrRef: SchemaOrRef | undefined,
  depth = 0,
): Map<string, SchemaOrRef> | undefined {
  const schema = deref(doc, schemaOrRef);
  if (!schema || depth > 16) return undefined;
  if (schema.oneOf || schema.anyOf || schema.not) return undefined;
  if (schema.type !== undefined && schema.type !== "object") return undefined;
  if (schema.type === undefined && !schema.properties && !schema.allOf) return undefined;
  const props = new Map<string, SchemaOrRef>(Object.entries(schema.properties ?? {}));
  for (const part of schema.allOf ?? []) {
    const inner = objectProperties(doc, part, depth + 1);
    if (inner === undefined) {
      // A branch that only adds constraints (`required`, a description) is fine.
      const resolved = deref(doc, part);
      if (resolved && !resolved.oneOf && !resolved.anyOf && (resolved.type === undefined || resolved.type === "object"))
        continue;
      return undefined;
    }
    for (const [key, value] of inner) if (!props.has(key)) props.set(key, value);
  }
  return props;
}

/** Names of the models a schema refers to directly (not through other models). */
export function directModelRefs(schema: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) {
    for (const item of schema) directModelRefs(item, into);
  } else if (schema && typeof schema === "object") {
    const ref = (schema as { $ref?: unknown }).$ref;
    if (typeof ref === "string" && ref.startsWith("#/components/schemas/")) {
      into.add(parsePointer(ref)[2]!);
    }
    for (const value of Object.values(schema)) if (value && typeof value === "object") directModelRefs(value, into);
  }
  return into;
}
