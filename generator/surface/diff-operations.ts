// The operations part of a diff. Operations pair by operationId, then by a
// deprecated alias that names the old function, then by HTTP method and path
// (a rename); what stays unpaired was removed or added. A pair is compared
// name by name (function, grouped method, its types), then its HTTP method
// and path, parameters, body and response.
import { type Changes, httpKey, own, resourceOf, type Where } from "./changes.ts";
import type { OperationSurface, ParamDesc, Surface } from "./types.ts";

type Named = [name: string, op: OperationSurface];

export function diffOperations(old: Surface, next: Surface, changes: Changes, consumedAliases: Set<string>): void {
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
