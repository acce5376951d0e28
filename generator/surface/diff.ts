// Two surfaces -> the list of changes an app upgrading from one to the other
// meets, each tagged by the rules in rules.ts, and the semver verdict.
// Operations are paired by operationId, then by a deprecated alias that names
// the old function, then by HTTP method and path (a rename); what stays
// unpaired was removed or added.
import { compareTypes } from "./compare-types.ts";
import { canonicalJson } from "./describe-schema.ts";
import { type Change, type Rule, semverOf, tagFor } from "./rules.ts";
import type { OperationSurface, ParamDesc, Side, Surface, TypeDesc } from "./types.ts";

export interface ApiDiff {
  semver: "major" | "minor" | "patch";
  counts: Record<Change["tag"], number>;
  changes: Change[];
}

type Named = [name: string, op: OperationSurface];

/** A record's own entry: names come from the spec, and "constructor" must not find Object's. */
const own = <T>(record: Record<string, T>, key: string): T | undefined =>
  Object.hasOwn(record, key) ? record[key] : undefined;

const resourceOf = (op: OperationSurface) => op.method.slice(0, op.method.indexOf("."));
/** Placeholder names are not part of the call (path arguments are positional). */
const httpKey = (op: OperationSurface) => op.http.replace(/\{[^}]*\}/g, "{}");

type Where = { resource: string; subject: string; at?: string };

/** Collects changes; type comparisons resolve refs against the two surfaces' models. */
class Changes {
  readonly list: Change[] = [];
  constructor(readonly models: { old: Surface["models"]; next: Surface["models"] }) {}

  add(rule: Rule, side: Side, where: Where, message: string): void {
    const { resource, subject, at } = where;
    this.list.push({ tag: tagFor(rule, side), rule, resource, subject, ...(at ? { at } : {}), message });
  }

  /** Every difference between two types at `at`, tagged for `side`. */
  types(before: TypeDesc, after: TypeDesc, at: string, side: Side, where: Where): void {
    for (const f of compareTypes(before, after, at, this.models))
      this.add(f.rule, side, { ...where, at: f.at }, f.message);
  }
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

function diffOperations(old: Surface, next: Surface, changes: Changes, consumedAliases: Set<string>): void {
  const olds: Named[] = Object.entries(old.operations);
  const news: Named[] = Object.entries(next.operations);
  const newById = new Map(news.map((n) => [n[1].operationId, n]));
  const pairs: [Named, Named][] = [];
  const pairedNew = new Set<string>();
  const pair = (o: Named, n: Named) => {
    pairs.push([o, n]);
    pairedNew.add(n[0]);
  };
  const unpaired: Named[] = [];
  for (const o of olds) {
    const n = newById.get(o[1].operationId);
    if (!n) unpaired.push(o);
    else pair(o, n);
  }
  const byHttp = new Map(news.filter((n) => !pairedNew.has(n[0])).map((n) => [httpKey(n[1]), n]));
  const removed: Named[] = [];
  for (const o of unpaired) {
    const alias = own(next.aliases, o[0]);
    const viaAlias = alias?.kind === "function" ? news.find((n) => n[0] === alias.target) : undefined;
    const n = viaAlias && !pairedNew.has(viaAlias[0]) ? viaAlias : byHttp.get(httpKey(o[1]));
    if (n && !pairedNew.has(n[0])) pair(o, n);
    else removed.push(o);
  }
  for (const [name, op] of removed) {
    changes.add("operation.removed", "both", { resource: resourceOf(op), subject: name }, `removed (${op.http})`);
  }
  for (const [name, op] of news) {
    if (pairedNew.has(name)) continue;
    const where = { resource: resourceOf(op), subject: name };
    changes.add("operation.added", "both", where, `added (${op.http}, client.${op.method})`);
  }
  for (const [o, n] of pairs) diffOperation(o, n, next, changes, consumedAliases);
}

/** The names an app may use for an operation: function, grouped method, its types. */
function publicNames([name, op]: Named): Map<string, string> {
  const names = new Map([
    ["function", name],
    ["method", op.method],
  ]);
  for (const [key, type] of Object.entries(op.types ?? {})) names.set(`type ${key}`, type);
  return names;
}

function diffOperation(o: Named, n: Named, next: Surface, changes: Changes, consumedAliases: Set<string>): void {
  const [oldName, before] = o;
  const [newName, after] = n;
  const where = { resource: resourceOf(after), subject: oldName };
  const kept: string[] = [];
  const lost: string[] = [];
  /** Types the operation no longer has at all (e.g. its params type, when it lost its last parameter). */
  const gone: string[] = [];
  const newNames = publicNames(n);
  for (const [role, name] of publicNames(o)) {
    const now = newNames.get(role);
    if (now === name) continue;
    const alias = own(next.aliases, name);
    const label = (x: string) => (role === "method" ? `client.${x}` : x);
    if (alias && alias.target === now) {
      kept.push(label(name));
      consumedAliases.add(name);
    } else if (role === "function") lost.push(name);
    else if (now) lost.push(`${label(name)} is now ${label(now)}`);
    else gone.push(name);
  }
  const idChanged = before.operationId !== after.operationId;
  if (idChanged || kept.length || lost.length) {
    const head = oldName === newName ? "renamed" : `renamed to ${newName}`;
    const context = `(${idChanged ? `operationId ${before.operationId} -> ${after.operationId}, ` : ""}${after.http})`;
    const others = lost.filter((l) => l !== oldName);
    const message = [
      `${head} ${context}`,
      ...(others.length ? [others.join(", ")] : []),
      ...(kept.length ? [`kept as deprecated aliases: ${kept.join(", ")}`] : []),
    ].join("; ");
    if (lost.length) changes.add("operation.renamed", "both", where, message);
    else if (kept.length) changes.add("operation.renamed-kept", "both", where, message);
    else
      changes.add(
        "operation.operation-id-changed",
        "both",
        where,
        `operationId ${before.operationId} is now ${after.operationId}; its function, method and type names stay`,
      );
  }
  const subject = { resource: where.resource, subject: newName };
  for (const type of gone) changes.add("export.removed", "both", subject, `no longer exports type ${type}`);
  if (httpKey(before) !== httpKey(after))
    changes.add("operation.http-changed", "both", subject, `now ${after.http} (was ${before.http})`);
  if (!before.deprecated && after.deprecated) changes.add("operation.deprecated", "both", subject, "deprecated");
  if (before.deprecated && !after.deprecated)
    changes.add("operation.undeprecated", "both", subject, "no longer deprecated");
  if (before.paginated && !after.paginated)
    changes.add("operation.pagination-removed", "both", subject, "no longer paginated (no `for await` over pages)");
  if (!before.paginated && after.paginated)
    changes.add("operation.pagination-added", "both", subject, "now paginated: `for await` iterates every page");
  diffPathParams(before, after, subject, changes);
  diffParams(before.query, after.query, "query", subject, changes);
  diffParams(before.headers, after.headers, "header", subject, changes);
  diffBody(before, after, subject, changes);
  if (before.response.kind !== after.response.kind)
    changes.add(
      "response.kind-changed",
      "response",
      { ...subject, at: "response" },
      `now ${after.response.kind} (was ${before.response.kind})`,
    );
  else if (before.response.type && after.response.type)
    changes.types(before.response.type, after.response.type, "response", "response", subject);
}

function diffPathParams(before: OperationSurface, after: OperationSurface, subject: Where, changes: Changes): void {
  const a = before.path ?? [];
  const b = after.path ?? [];
  if (a.length !== b.length) {
    const list = (p: typeof a) => `(${p.map((x) => x.name).join(", ")})`;
    changes.add("parameter.path-changed", "request", subject, `path arguments ${list(a)} are now ${list(b)}`);
    return;
  }
  for (const [i, p] of a.entries()) changes.types(p.type, b[i]!.type, `path ${b[i]!.name}`, "request", subject);
}

function diffParams(
  before: Record<string, ParamDesc> | undefined,
  after: Record<string, ParamDesc> | undefined,
  location: string,
  subject: Where,
  changes: Changes,
): void {
  const a = before ?? {};
  const b = after ?? {};
  for (const name of Object.keys(a)) {
    if (!Object.hasOwn(b, name))
      changes.add("parameter.removed", "request", { ...subject, at: `${location} ${name}` }, "parameter removed");
  }
  for (const [name, p] of Object.entries(b)) {
    const at = `${location} ${name}`;
    const was = Object.hasOwn(a, name) ? a[name] : undefined;
    if (!was) {
      if (p.required)
        changes.add("parameter.added-required", "request", { ...subject, at }, "required parameter added");
      else changes.add("parameter.added", "request", { ...subject, at }, "optional parameter added");
      continue;
    }
    if (!was.required && p.required) changes.add("parameter.required", "request", { ...subject, at }, "now required");
    if (was.required && !p.required) changes.add("parameter.optional", "request", { ...subject, at }, "now optional");
    if (!was.deprecated && p.deprecated)
      changes.add("parameter.deprecated", "request", { ...subject, at }, "deprecated");
    changes.types(was.type, p.type, at, "request", subject);
  }
}

function diffBody(before: OperationSurface, after: OperationSurface, subject: Where, changes: Changes): void {
  const a = before.body;
  const b = after.body;
  const at = { ...subject, at: "body" };
  if (!a && !b) return;
  if (!a) {
    if (b!.required) changes.add("body.added-required", "request", at, "now takes a required request body");
    else changes.add("body.added", "request", at, "now takes an optional request body");
    return;
  }
  if (!b) {
    changes.add("body.removed", "request", at, "no longer takes a request body");
    return;
  }
  if (a.mode !== b.mode) {
    const how = b.mode === "body" ? "go under `body`" : "are now fields of the params object";
    changes.add("body.mode-changed", "request", at, `the body's contents ${how}`);
    return;
  }
  if (!a.required && b.required) changes.add("body.required", "request", at, "the request body is now required");
  if (a.required && !b.required) changes.add("body.optional", "request", at, "the request body is now optional");
  changes.types(a.type, b.type, "body", "request", subject);
}

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
