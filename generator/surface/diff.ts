// Two surfaces -> the list of changes an app upgrading from one to the other
// meets, each tagged by the rules in rules.ts, and the semver verdict.
// Operations are compared in diff-operations.ts; models, waiters, aliases and
// the remaining exports here.
import { Changes, resourceOf } from "./changes.ts";
import { compareTypes } from "./compare-types.ts";
import { canonicalJson } from "./describe-schema.ts";
import { diffOperations } from "./diff-operations.ts";
import { type Change, semverOf } from "./rules.ts";
import type { Side, Surface } from "./types.ts";

export interface ApiDiff {
  semver: "major" | "minor" | "patch";
  counts: Record<Change["tag"], number>;
  changes: Change[];
}

export function diffSurfaces(old: Surface, next: Surface): ApiDiff {
  const changes = new Changes({ old: old.models, next: next.models });
  const consumedAliases = new Set<string>();
  diffOperations(old, next, changes, consumedAliases);
  diffModels(old, next, changes);
  diffWaiters(old, next, changes);
  diffAliasesAndExports(old, next, changes, consumedAliases);
  const list = changes.list.sort((x, y) => (order(x) < order(y) ? -1 : order(x) > order(y) ? 1 : 0));
  const counts = { BREAKING: 0, changed: 0, deprecated: 0, added: 0 };
  for (const c of list) counts[c.tag]++;
  return { semver: semverOf(list), counts, changes: list };
}

const order = (c: Change) => [c.resource, c.subject, c.at ?? "", c.rule, c.message].join("\u0000");

const mergeSides = (a: Side, b: Side): Side => (a === b ? a : "both");

function diffModels(old: Surface, next: Surface, changes: Changes): void {
  const removed = Object.keys(old.models).filter((name) => !Object.hasOwn(next.models, name));
  const added = new Set(Object.keys(next.models).filter((name) => !Object.hasOwn(old.models, name)));
  for (const name of removed) {
    const model = old.models[name]!;
    const twin = [...added].find((other) => canonicalJson(next.models[other]!.type) === canonicalJson(model.type));
    const where = { resource: model.resource, subject: name };
    if (twin) {
      added.delete(twin);
      changes.add("model.renamed", "both", where, `renamed to ${twin} (same type)`);
    } else changes.add("model.removed", "both", where, "model removed");
  }
  for (const name of added) {
    changes.add("model.added", "both", { resource: next.models[name]!.resource, subject: name }, "model added");
  }
  for (const [name, after] of Object.entries(next.models)) {
    const before = Object.hasOwn(old.models, name) ? old.models[name] : undefined;
    if (!before) continue;
    const where = { resource: after.resource, subject: name };
    if (!before.deprecated && after.deprecated) changes.add("model.deprecated", "both", where, "deprecated");
    const side = mergeSides(before.side, after.side);
    for (const f of compareTypes(before.type, after.type, name, changes.models)) {
      changes.add(f.rule, side, { ...where, at: f.at === name ? undefined : f.at }, f.message);
    }
  }
}

function diffWaiters(old: Surface, next: Surface, changes: Changes): void {
  const resource = (s: Surface, op: string) => {
    const found = Object.hasOwn(s.operations, op) ? s.operations[op] : undefined;
    return found ? resourceOf(found) : "waiters";
  };
  for (const [name, w] of Object.entries(old.waiters)) {
    const now = Object.hasOwn(next.waiters, name) ? next.waiters[name] : undefined;
    const where = { resource: resource(now ? next : old, (now ?? w).operation), subject: name };
    if (!now) {
      changes.add("waiter.removed", "both", where, "waiter removed");
      continue;
    }
    const what = (x: typeof w) => canonicalJson({ ...x, operation: undefined });
    if (what(w) !== what(now))
      changes.add(
        "waiter.changed",
        "both",
        where,
        `now waits for ${now.path} in ${JSON.stringify(now.success)}${now.failure ? `, fails on ${JSON.stringify(now.failure)}` : ""}`,
      );
  }
  for (const [name, w] of Object.entries(next.waiters)) {
    if (Object.hasOwn(old.waiters, name)) continue;
    changes.add("waiter.added", "both", { resource: resource(next, w.operation), subject: name }, "waiter added");
  }
}

/** Names that the operation, model, waiter and alias rules already account for. */
function ownedNames(s: Surface): Set<string> {
  return new Set([
    ...Object.entries(s.operations).flatMap(([name, op]) => [name, ...Object.values(op.types ?? {})]),
    ...Object.keys(s.models),
    // A group's class comes and goes with its operations, which are reported one by one.
    ...Object.values(s.resources),
    ...Object.keys(s.waiters),
    ...Object.keys(s.aliases),
  ]);
}

function diffAliasesAndExports(old: Surface, next: Surface, changes: Changes, consumed: Set<string>): void {
  const present = (s: Surface, name: string) =>
    Object.hasOwn(s.operations, name) || s.exports.includes(name) || Object.hasOwn(s.aliases, name);
  for (const [name, alias] of Object.entries(old.aliases)) {
    if (Object.hasOwn(next.aliases, name) || present(next, name)) continue;
    const label = alias.kind === "method" ? `client.${name}` : name;
    changes.add("alias.removed", "both", { resource: "package", subject: name }, `deprecated ${label} removed`);
  }
  for (const [name, alias] of Object.entries(next.aliases)) {
    if (Object.hasOwn(old.aliases, name) || consumed.has(name)) continue;
    const label = alias.kind === "method" ? `client.${name}` : name;
    const message = `${label} added as a deprecated alias of ${alias.kind === "method" ? `client.${alias.target}` : alias.target}`;
    changes.add("alias.added", "both", { resource: "package", subject: name }, message);
  }
  const owned = new Set([...ownedNames(old), ...ownedNames(next)]);
  const before = new Set(old.exports);
  const after = new Set(next.exports);
  for (const name of before) {
    if (!after.has(name) && !owned.has(name))
      changes.add("export.removed", "both", { resource: "package", subject: name }, "no longer exported");
  }
  for (const name of after) {
    if (!before.has(name) && !owned.has(name))
      changes.add("export.added", "both", { resource: "package", subject: name }, "newly exported");
  }
}
