// Schema -> TypeDesc: the structure that decides what values a type admits,
// and nothing else (descriptions, examples, formats and discriminators leave
// the TypeScript type as it is, so they leave the surface alone too).
import type { SchemaOrRef } from "../openapi.ts";
import type { EnumValue, ObjectDesc, Primitive, TypeDesc } from "./types.ts";

const MODEL_REF = "#/components/schemas/";
const PRIMITIVES = new Set<string>(["string", "integer", "number", "boolean"]);

type Loose = Record<string, unknown>;

/** JSON with object keys sorted: equal for equal descriptions, whatever order their keys were built in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** Orders values the same way every run, whatever their types. */
export function canonicalOrder<T>(values: readonly T[]): T[] {
  const keyed = values.map((v) => [JSON.stringify(v), v] as const);
  const unique = new Map(keyed);
  return [...unique.keys()].sort().map((k) => unique.get(k)!);
}

export function describeSchema(schema: SchemaOrRef | undefined): TypeDesc {
  if (!schema || typeof schema !== "object") return "unknown";
  const s = schema as Loose;
  if (typeof s.$ref === "string") {
    // Refs point into components/schemas after normalisation; anything else stays opaque.
    return s.$ref.startsWith(MODEL_REF) ? { ref: decodeURIComponent(s.$ref.slice(MODEL_REF.length)) } : "unknown";
  }
  const base = describeBase(s);
  return s.nullable === true && base !== "unknown" && base !== "null" ? { nullable: base } : base;
}

function describeBase(s: Loose): TypeDesc {
  if (Array.isArray(s.enum)) return { enum: canonicalOrder(s.enum as EnumValue[]) };
  const parts: TypeDesc[] = [];
  const own = ownShape(s, s.allOf !== undefined || s.oneOf !== undefined || s.anyOf !== undefined);
  if (own !== undefined) parts.push(own);
  const union = [...((s.oneOf as SchemaOrRef[]) ?? []), ...((s.anyOf as SchemaOrRef[]) ?? [])];
  if (union.length) parts.push(union.length === 1 ? describeSchema(union[0]) : oneOf(union.map(describeSchema)));
  for (const part of (s.allOf as SchemaOrRef[]) ?? []) parts.push(describeSchema(part));
  return allOf(parts);
}

/**
 * The schema's own type keyword and properties, without its combinators.
 * `required` may name fields of other allOf parts (the emitted type is then
 * `WithRequired<Part, ...>`), so every name is kept, not only its own fields.
 * An open object says so explicitly after normalisation
 * (make-free-form-objects-explicit); `type: object` alone is an empty object.
 */
function ownShape(s: Loose, combined: boolean): TypeDesc | undefined {
  const type = s.type;
  if (type === "array") return { array: describeSchema(s.items as SchemaOrRef) };
  if (typeof type === "string" && PRIMITIVES.has(type)) return type as Primitive;
  if (type !== "object" && s.properties === undefined && s.additionalProperties === undefined) return undefined;
  const properties = (s.properties as Record<string, SchemaOrRef>) ?? {};
  const object: Record<string, TypeDesc> = {};
  for (const [name, value] of Object.entries(properties)) setField(object, name, describeSchema(value));
  const names = Object.keys(object);
  const extra = s.additionalProperties;
  const additional =
    extra === true || (extra && typeof extra === "object") ? describeSchema(extra as SchemaOrRef) : undefined;
  const required = (s.required as string[]) ?? [];
  // `type: object` next to combinators only says "an object", which the parts say already.
  if (combined && !names.length && additional === undefined && !required.length) return undefined;
  return objectDesc(
    object,
    required,
    names.filter((n) => (properties[n] as Loose).deprecated === true),
    additional,
  );
}

function oneOf(members: TypeDesc[]): TypeDesc {
  const flat = members.flatMap((m) => (typeof m === "object" && "oneOf" in m ? m.oneOf : [m]));
  const unique = canonicalOrder(flat);
  return unique.includes("unknown") ? "unknown" : unique.length === 1 ? unique[0]! : { oneOf: unique };
}

/**
 * Intersections: inline object parts merge into one object (required wins);
 * refs and unions stay as parts, so a change inside a model is reported once,
 * at the model.
 */
function allOf(parts: TypeDesc[]): TypeDesc {
  const flat = parts
    .flatMap((p) => (typeof p === "object" && "allOf" in p ? p.allOf : [p]))
    .filter((p) => p !== "unknown");
  const objects = flat.filter(isPlainObject);
  const rest = flat.filter((p) => !isPlainObject(p));
  const merged = objects.length ? [mergeObjectParts(objects)] : [];
  const all = [...merged, ...canonicalOrder(rest)];
  if (all.length === 0) return "unknown";
  return all.length === 1 ? all[0]! : { allOf: all };
}

/** One object from several: fields of all, required if any part requires them. */
export function mergeObjectParts(parts: readonly ObjectDesc[]): ObjectDesc {
  const object: Record<string, TypeDesc> = {};
  for (const part of parts)
    for (const [name, type] of Object.entries(part.object))
      if (!Object.hasOwn(object, name)) setField(object, name, type);
  // A part that takes any keys does not loosen the others: an intersection keeps the strictest.
  const additional = parts.length === 1 ? parts[0]!.additional : undefined;
  return objectDesc(
    object,
    parts.flatMap((p) => p.required ?? []),
    parts.flatMap((p) => p.deprecated ?? []),
    additional,
  );
}

function objectDesc(
  object: Record<string, TypeDesc>,
  required: string[],
  deprecated: string[],
  additional: TypeDesc | undefined,
): ObjectDesc {
  return {
    object,
    ...(required.length ? { required: [...new Set(required)].sort() } : {}),
    ...(deprecated.length ? { deprecated: [...new Set(deprecated)].sort() } : {}),
    ...(additional !== undefined ? { additional } : {}),
  };
}

/** defineProperty, not assignment: a field named "__proto__" must stay a field. */
function setField(object: Record<string, TypeDesc>, name: string, type: TypeDesc): void {
  Object.defineProperty(object, name, { value: type, enumerable: true, writable: true, configurable: true });
}

function isPlainObject(t: TypeDesc): t is ObjectDesc {
  return typeof t === "object" && "object" in t;
}
