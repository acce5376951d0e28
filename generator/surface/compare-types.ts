// Walks an old and a new TypeDesc side by side and names each difference at
// its place ("response.droplet.size", "Droplet.networks[]"): fields added,
// removed, newly required or optional, enum values, nullability, union
// members. Where the shapes differ outright, assignability decides whether the
// type widened, narrowed, or changed into something else. Which tag each
// finding gets depends on the side; see rules.ts.
import { canonicalJson } from "./describe-schema.ts";
import type { Rule } from "./rules.ts";
import { assignable, type Models, typeText } from "./type-relations.ts";
import type { EnumValue, ObjectDesc, TypeDesc } from "./types.ts";

export interface Finding {
  rule: Rule;
  at: string;
  message: string;
}

interface Walk {
  old: Models;
  next: Models;
  out: Finding[];
}

export function compareTypes(
  old: TypeDesc,
  next: TypeDesc,
  at: string,
  models: { old: Models; next: Models },
): Finding[] {
  const walk: Walk = { old: models.old, next: models.next, out: [] };
  compare(old, next, at, walk);
  return walk.out;
}

const same = (a: TypeDesc, b: TypeDesc) => canonicalJson(a) === canonicalJson(b);
const kind = (t: TypeDesc) => (typeof t === "string" ? t : Object.keys(t)[0]!);
const values = (list: readonly EnumValue[]) => list.map((v) => JSON.stringify(v)).join(", ");

function compare(a: TypeDesc, b: TypeDesc, at: string, walk: Walk): void {
  if (same(a, b)) return;
  const aNull = typeof a === "object" && "nullable" in a;
  const bNull = typeof b === "object" && "nullable" in b;
  if (aNull || bNull) {
    if (aNull !== bNull)
      walk.out.push(
        bNull
          ? { rule: "type.widened", at, message: "can now be null" }
          : { rule: "type.narrowed", at, message: "can no longer be null" },
      );
    compare(aNull ? a.nullable : a, bNull ? b.nullable : b, at, walk);
  } else if (typeof a === "object" && typeof b === "object" && kind(a) === kind(b)) {
    if ("enum" in a && "enum" in b) compareEnums(a.enum, b.enum, at, walk);
    else if ("array" in a && "array" in b) compare(a.array, b.array, `${at}[]`, walk);
    else if ("object" in a && "object" in b) compareObjects(a, b, at, walk);
    else if ("oneOf" in a && "oneOf" in b) compareMembers(a.oneOf, b.oneOf, a, b, at, walk);
    else if ("allOf" in a && "allOf" in b) compareMembers(a.allOf, b.allOf, a, b, at, walk);
    else classify(a, b, at, walk);
  } else {
    classify(a, b, at, walk);
  }
}

/** Shapes that do not line up: which way did the set of values move? */
function classify(a: TypeDesc, b: TypeDesc, at: string, walk: Walk): void {
  const wider = assignable(a, walk.old, b, walk.next);
  const narrower = assignable(b, walk.next, a, walk.old);
  if (wider && narrower) return;
  const rule: Rule = wider ? "type.widened" : narrower ? "type.narrowed" : "type.changed";
  walk.out.push({ rule, at, message: `type changed from ${typeText(a)} to ${typeText(b)}` });
}

function compareEnums(a: readonly EnumValue[], b: readonly EnumValue[], at: string, walk: Walk): void {
  const removed = a.filter((v) => !b.includes(v));
  const added = b.filter((v) => !a.includes(v));
  const plural = (list: unknown[]) => (list.length === 1 ? "value" : "values");
  if (removed.length)
    walk.out.push({ rule: "enum.value-removed", at, message: `enum ${plural(removed)} ${values(removed)} removed` });
  if (added.length)
    walk.out.push({ rule: "enum.value-added", at, message: `enum ${plural(added)} ${values(added)} added` });
}

function compareObjects(a: ObjectDesc, b: ObjectDesc, at: string, walk: Walk): void {
  const field = (o: ObjectDesc, name: string) => (Object.hasOwn(o.object, name) ? o.object[name] : undefined);
  for (const name of Object.keys(a.object)) {
    if (!field(b, name)) walk.out.push({ rule: "field.removed", at: `${at}.${name}`, message: "field removed" });
  }
  for (const [name, after] of Object.entries(b.object)) {
    const where = `${at}.${name}`;
    const before = field(a, name);
    if (!before) {
      walk.out.push(
        b.required?.includes(name)
          ? { rule: "field.added-required", at: where, message: "required field added" }
          : { rule: "field.added", at: where, message: "optional field added" },
      );
      continue;
    }
    const required = [!!a.required?.includes(name), !!b.required?.includes(name)];
    if (!required[0] && required[1]) walk.out.push({ rule: "field.required", at: where, message: "now required" });
    if (required[0] && !required[1])
      walk.out.push({ rule: "field.optional", at: where, message: "now optional (may be absent)" });
    if (!a.deprecated?.includes(name) && b.deprecated?.includes(name))
      walk.out.push({ rule: "field.deprecated", at: where, message: "deprecated" });
    compare(before, after, where, walk);
  }
  // Required names without a field here belong to another part of an intersection.
  const elsewhere = (o: ObjectDesc) => (o.required ?? []).filter((name) => !Object.hasOwn(o.object, name));
  for (const name of new Set([...elsewhere(a), ...elsewhere(b)])) {
    if (field(a, name) || field(b, name)) continue;
    const before = !!a.required?.includes(name);
    const after = !!b.required?.includes(name);
    if (!before && after) walk.out.push({ rule: "field.required", at: `${at}.${name}`, message: "now required" });
    if (before && !after)
      walk.out.push({ rule: "field.optional", at: `${at}.${name}`, message: "now optional (may be absent)" });
  }
  const keys = `${at}[key]`;
  if (a.additional !== undefined && b.additional !== undefined) compare(a.additional, b.additional, keys, walk);
  else if (a.additional === undefined && b.additional !== undefined)
    walk.out.push({ rule: "type.widened", at, message: "now takes any other keys" });
  else if (a.additional !== undefined && b.additional === undefined)
    walk.out.push({ rule: "type.narrowed", at, message: "no longer takes other keys" });
}

/** What pairs union or intersection members across versions: a model name, a primitive, or a kind seen once. */
function memberKeys(members: readonly TypeDesc[]): Map<string, TypeDesc> | undefined {
  const keys = new Map<string, TypeDesc>();
  for (const m of members) {
    const key = typeof m === "object" && "ref" in m ? `ref:${m.ref}` : kind(m);
    if (keys.has(key)) return undefined;
    keys.set(key, m);
  }
  return keys;
}

function compareMembers(
  a: readonly TypeDesc[],
  b: readonly TypeDesc[],
  whole: TypeDesc & object,
  wholeNext: TypeDesc & object,
  at: string,
  walk: Walk,
): void {
  const before = memberKeys(a);
  const after = memberKeys(b);
  const union = "oneOf" in whole;
  const sameKeys = before && after && before.size === after.size && [...before.keys()].every((k) => after.has(k));
  if (!before || !after || (!union && !sameKeys)) {
    classify(whole, wholeNext, at, walk);
    return;
  }
  for (const [key, member] of before) {
    const match = after.get(key);
    if (match) compare(member, match, at, walk);
    else walk.out.push({ rule: "type.narrowed", at, message: `no longer ${typeText(member)}` });
  }
  for (const [key, member] of after) {
    if (!before.has(key)) walk.out.push({ rule: "type.widened", at, message: `can now be ${typeText(member)}` });
  }
}
