// The waiters of spec/waiters.json (shape already checked in load/), checked
// against the model: the operation exists, is a GET taking one path
// parameter, and its response has the field with the states named. Their
// names are claimed from the registry every exported name comes from, so a
// spec update that breaks an entry stops generation with the entry named.
import type { WaiterEntry } from "../load/spec-data.ts";
import type { NameRegistry } from "../naming/registry.ts";
import { camelCase, singular, splitWords } from "../naming/words.ts";
import type { OpenApiDocument, SchemaOrRef } from "../openapi.ts";
import { deref, objectProperties } from "./schema-shape.ts";
import type { OperationInfo, ResourceInfo, WaiterInfo } from "./types.ts";

export const WAITERS_TABLE = "spec/waiters.json";

export class WaiterTableError extends Error {
  override name = "WaiterTableError";
}

/** The schema at a dotted path below `schema`, through refs and allOf; undefined where the path leaves the schema. */
function schemaAt(doc: OpenApiDocument, schema: SchemaOrRef | undefined, path: string): SchemaOrRef | undefined {
  let current = schema;
  for (const key of path.split(".")) {
    current = objectProperties(doc, current)?.get(key);
    if (!current) return undefined;
  }
  return current;
}

export interface WaiterContext {
  doc: OpenApiDocument;
  operations: readonly OperationInfo[];
  resources: readonly ResourceInfo[];
  /** The registry of the package's exported names. */
  exported: NameRegistry;
  /** Each resource group's member registry, by property: grouped waiters are members too. */
  methods: ReadonlyMap<string, NameRegistry>;
}

/**
 * The grouped method's name: the waiter's name without the words of its
 * resource (`waitUntilDropletActive` on `client.droplets` -> `waitUntilActive`,
 * `waitUntilKubernetesClusterRunning` on `client.kubernetes` -> `waitUntilClusterRunning`).
 */
export function groupedWaiterName(name: string, resource: string): string {
  const words = splitWords(name);
  const noun = splitWords(resource).map((w) => singular(w).toLowerCase());
  const at = words.findIndex((_, i) => i >= 2 && noun.every((w, j) => words[i + j]?.toLowerCase() === w));
  if (at !== 2 || words.length <= 2 + noun.length) return name;
  return camelCase([...words.slice(0, 2), ...words.slice(2 + noun.length)]);
}

/**
 * Checks every entry against the model and claims its name; throws
 * WaiterTableError naming the file and the entry. With `onMissing`, an entry
 * whose operation the spec does not have (another spec version) is left out
 * and reported there instead.
 */
export function checkWaiters(
  entries: readonly WaiterEntry[],
  context: WaiterContext,
  onMissing?: (message: string) => void,
): WaiterInfo[] {
  const waiters: WaiterInfo[] = [];
  for (const [index, entry] of entries.entries()) {
    const where = `${WAITERS_TABLE}: waiters[${index}] "${entry.name}"`;
    const fail = (problem: string): never => {
      throw new WaiterTableError(`${where}: ${problem}`);
    };
    const owner = context.exported.owner(entry.name);
    if (owner?.startsWith("waiter ")) fail(`name "${entry.name}" is used twice`);
    if (owner) fail(`name "${entry.name}" is already exported by the generated package`);
    const name = context.exported.claim([entry.name], `waiter ${entry.name}`);

    const op = context.operations.find((o) => o.operationId === entry.operationId);
    if (!op && onMissing) {
      onMissing(`${where} left out: the spec has no operation "${entry.operationId}"`);
      continue;
    }
    if (!op) throw new WaiterTableError(`${where}: unknown operationId "${entry.operationId}"`);
    if (op.method !== "GET") fail(`operation ${op.operationId} is ${op.method}; a waiter may only poll a GET`);
    const names = op.pathParams.map((p) => p.name);
    if (!names.includes(entry.idParam))
      fail(
        `operation ${op.operationId} (${op.path}) has no path parameter "${entry.idParam}" (it has: ${names.join(", ") || "none"})`,
      );
    if (names.length !== 1)
      fail(`operation ${op.operationId} takes path parameters ${names.join(", ")}; a waiter passes only one`);
    if (op.paramsRequired) fail(`operation ${op.operationId} has required parameters besides the id`);
    if (op.response.kind !== "json" || !op.response.schema)
      fail(`operation ${op.operationId} has no JSON response to read a state from`);
    const field = schemaAt(context.doc, op.response.schema, entry.path);
    if (!field) fail(`path "${entry.path}" is not in the response of ${op.operationId}`);
    const allowed = deref(context.doc, field)?.enum;
    if (allowed) {
      const unknown = [...entry.success, ...(entry.failure ?? [])].filter((v) => !allowed.includes(v));
      if (unknown.length)
        fail(`${JSON.stringify(unknown)} not among the values of ${entry.path}: ${JSON.stringify(allowed)}`);
    }
    const resource = context.resources.find((r) => r.operations.includes(op));
    if (!resource) throw new WaiterTableError(`${where}: operation ${op.operationId} belongs to no resource`);
    const methodName = context.methods
      .get(resource.property)!
      .claim([groupedWaiterName(name, resource.property), name], `waiter ${name}`);
    waiters.push({
      name,
      methodName,
      summary: entry.summary,
      operation: op,
      resource,
      path: entry.path,
      success: entry.success,
      failure: entry.failure ?? [],
      notFoundIsSuccess: entry.onNotFound === "success",
    });
  }
  return waiters;
}
