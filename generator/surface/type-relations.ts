// Two questions about TypeDescs: does every value of one type belong to
// another (so a change widens or narrows), and how to print a type in one
// short line for a diff message.
import { canonicalJson, mergeObjectParts } from "./describe-schema.ts";
import type { ModelSurface, ObjectDesc, TypeDesc } from "./types.ts";

export type Models = Readonly<Record<string, ModelSurface>>;

interface Scope {
  a: Models;
  b: Models;
  /** Pairs of model names assumed related while comparing them (recursive models end here). */
  assumed: Set<string>;
}

/**
 * True when every value of `a` (whose refs name models in `aModels`) is a
 * value of `b` (refs in `bModels`). Objects are exact unless they take other
 * keys: an app that passes a field the new type lacks no longer compiles.
 * A ref to the same model name on both sides counts as the same type; how the
 * model itself changed is compared once, at the model.
 */
export function assignable(a: TypeDesc, aModels: Models, b: TypeDesc, bModels: Models): boolean {
  return sub(a, b, { a: aModels, b: bModels, assumed: new Set() });
}

function sub(a: TypeDesc, b: TypeDesc, scope: Scope): boolean {
  if (b === "unknown") return true;
  if (typeof a === typeof b && canonicalJson(a) === canonicalJson(b)) return true;
  if (a === "unknown") return false;
  if (typeof a === "object" && "ref" in a && typeof b === "object" && "ref" in b) {
    if (a.ref === b.ref) return true;
    const key = `${a.ref}\u0000${b.ref}`;
    if (scope.assumed.has(key)) return true;
    scope.assumed.add(key);
    const left = scope.a[a.ref]?.type;
    const right = scope.b[b.ref]?.type;
    return !!left && !!right && sub(left, right, scope);
  }
  if (typeof a === "object" && "ref" in a) {
    const left = scope.a[a.ref]?.type;
    return !!left && sub(left, b, scope);
  }
  if (typeof b === "object" && "ref" in b) {
    const right = scope.b[b.ref]?.type;
    return !!right && sub(a, right, scope);
  }
  if (typeof a === "object" && "oneOf" in a) return a.oneOf.every((m) => sub(m, b, scope));
  if (typeof a === "object" && "nullable" in a) return sub("null", b, scope) && sub(a.nullable, b, scope);
  if (typeof b === "object" && "nullable" in b) return a === "null" || sub(a, b.nullable, scope);
  if (typeof b === "object" && "oneOf" in b) return b.oneOf.some((m) => sub(a, m, scope));
  if (typeof b === "object" && "allOf" in b) {
    // Objects are exact, so a value of A & B is compared with the one object A & B describe, not with A and B.
    const merged = mergeObjects(b.allOf, scope.b);
    return merged ? sub(a, merged, scope) : b.allOf.every((m) => sub(a, m, scope));
  }
  if (typeof a === "object" && "allOf" in a) {
    const merged = mergeObjects(a.allOf, scope.a);
    return merged ? sub(merged, b, scope) : a.allOf.some((m) => sub(m, b, scope));
  }
  if (typeof a === "string" || typeof b === "string") return primitiveSub(a, b);
  if ("enum" in a && "enum" in b) return a.enum.every((v) => b.enum.includes(v));
  if ("array" in a && "array" in b) return sub(a.array, b.array, scope);
  if ("object" in a && "object" in b) {
    if (b.required?.some((name) => !a.required?.includes(name))) return false;
    for (const [name, right] of Object.entries(b.object)) {
      const left = Object.hasOwn(a.object, name) ? a.object[name] : undefined;
      if (left && !sub(left, right, scope)) return false;
    }
    for (const [name, left] of Object.entries(a.object)) {
      if (Object.hasOwn(b.object, name)) continue;
      if (b.additional === undefined || !sub(left, b.additional, scope)) return false;
    }
    if (a.additional === undefined) return true;
    return b.additional !== undefined && sub(a.additional, b.additional, scope);
  }
  return false;
}

function valueKind(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

function primitiveSub(a: TypeDesc, b: TypeDesc): boolean {
  const fits = (kind: string, target: string) => kind === target || (kind === "integer" && target === "number");
  if (typeof a === "string" && typeof b === "string") return fits(a, b);
  if (typeof a === "object" && "enum" in a && typeof b === "string") return a.enum.every((v) => fits(valueKind(v), b));
  return false;
}

/** The one object an intersection of objects (and refs to objects) describes, if it is that. */
function mergeObjects(parts: readonly TypeDesc[], models: Models, depth = 0): ObjectDesc | undefined {
  if (depth > 16) return undefined;
  const objects: ObjectDesc[] = [];
  for (const part of parts) {
    let resolved: TypeDesc | undefined = part;
    if (typeof resolved === "object" && "ref" in resolved) resolved = models[resolved.ref]?.type;
    if (typeof resolved === "object" && "allOf" in resolved) resolved = mergeObjects(resolved.allOf, models, depth + 1);
    if (!resolved || typeof resolved !== "object" || !("object" in resolved) || resolved.additional !== undefined)
      return undefined;
    objects.push(resolved);
  }
  return mergeObjectParts(objects);
}

const MAX_VALUES = 4;
const MAX_FIELDS = 3;
const MAX_TEXT = 90;

/** A type in one short line: `string | null`, `"a" | "b"`, `Droplet[]`, `{ id: integer; name?: string; … }`. */
export function typeText(t: TypeDesc): string {
  const text = print(t);
  return text.length > MAX_TEXT ? text.slice(0, MAX_TEXT - 1) + "…" : text;
}

function print(t: TypeDesc): string {
  if (typeof t === "string") return t;
  if ("ref" in t) return t.ref;
  if ("enum" in t) {
    const shown = t.enum.slice(0, MAX_VALUES).map((v) => JSON.stringify(v));
    return [...shown, ...(t.enum.length > MAX_VALUES ? [`… (${t.enum.length} values)`] : [])].join(" | ");
  }
  if ("nullable" in t) return `${print(t.nullable)} | null`;
  if ("array" in t) {
    const inner = print(t.array);
    return /[ |&]/.test(inner) && !inner.startsWith("{") ? `(${inner})[]` : `${inner}[]`;
  }
  if ("oneOf" in t) return t.oneOf.map(print).join(" | ");
  if ("allOf" in t) return t.allOf.map(print).join(" & ");
  const fields = Object.entries(t.object);
  const shown = fields.slice(0, MAX_FIELDS).map(([k, f]) => `${k}${t.required?.includes(k) ? "" : "?"}: ${print(f)}`);
  if (fields.length > MAX_FIELDS) shown.push("…");
  const elsewhere = (t.required ?? []).filter((name) => !Object.hasOwn(t.object, name));
  if (elsewhere.length) shown.push(`requires ${elsewhere.join(", ")}`);
  if (t.additional !== undefined) shown.push(`[key: string]: ${print(t.additional)}`);
  return shown.length ? `{ ${shown.join("; ")} }` : "{}";
}
