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

/** What a JSON object body takes, read from its schema (see bodyShape). */
export interface BodyShape {
  /** Every field some alternative takes. */
  fields: Map<string, SchemaOrRef>;
  /** The fields every alternative requires. */
  required: string[];
  /** Some alternative takes fields it does not name (`additionalProperties`). */
  open: boolean;
}

const NOT_SHAPE = new Set([
  "description",
  "title",
  "example",
  "examples",
  "deprecated",
  "externalDocs",
  "default",
  "nullable",
  "readOnly",
  "writeOnly",
  "required",
  "discriminator",
  "minProperties",
  "maxProperties",
]);

/**
 * The shape of an object body, or undefined when the body is not an object:
 * an object schema, an allOf of such parts (all apply: fields and requirements
 * add up), or a union of them (one applies: fields add up, only what every
 * branch requires is required). Parts that only constrain (`{required: [a]}`,
 * an anyOf of them, annotations) add no fields. An array, a primitive, or a
 * union with a non-object branch is not an object body.
 */
export function bodyShape(
  doc: OpenApiDocument,
  schemaOrRef: SchemaOrRef | undefined,
  depth = 0,
): BodyShape | undefined {
  const schema = deref(doc, schemaOrRef);
  if (!schema || depth > 16) return undefined;
  if (schema.type !== undefined && schema.type !== "object") return undefined;
  const own: BodyShape = {
    fields: new Map(Object.entries(schema.properties ?? {})),
    required: [...(schema.required ?? [])],
    open: schema.additionalProperties === true || typeof schema.additionalProperties === "object",
  };
  const shaped =
    schema.type === "object" ||
    !!schema.properties ||
    schema.additionalProperties !== undefined ||
    !!schema.allOf ||
    !!schema.oneOf ||
    !!schema.anyOf;
  if (!shaped) return Object.keys(schema).every((k) => NOT_SHAPE.has(k)) ? own : undefined;
  let shape = own;
  if (schema.allOf) {
    for (const part of schema.allOf) {
      const inner = bodyShape(doc, part, depth + 1);
      if (!inner) return undefined;
      shape = {
        fields: new Map([...shape.fields, ...[...inner.fields].filter(([k]) => !shape.fields.has(k))]),
        required: [...new Set([...shape.required, ...inner.required])],
        open: shape.open || inner.open,
      };
    }
  }
  for (const branches of [schema.oneOf, schema.anyOf]) {
    if (!branches) continue;
    const shapes = branches.map((b) => bodyShape(doc, b, depth + 1));
    if (shapes.some((s) => !s)) return undefined;
    const alternatives = shapes as BodyShape[];
    const fields = new Map(shape.fields);
    for (const s of alternatives) for (const [k, v] of s.fields) if (!fields.has(k)) fields.set(k, v);
    const everywhere = alternatives[0]?.required.filter((k) => alternatives.every((s) => s.required.includes(k))) ?? [];
    shape = {
      fields,
      required: [...new Set([...shape.required, ...everywhere])],
      open: shape.open || alternatives.some((s) => s.open),
    };
  }
  return shape;
}
