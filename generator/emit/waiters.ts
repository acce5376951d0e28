// Emits src/waiters.ts from the declarative table in spec/waiters.json: each
// waiter is one call of the runtime's waitUntil with a poll function, a field
// path and state values. The table is checked against the model first, so a
// spec update that breaks an entry stops generation with the entry named.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Project } from "ts-morph";
import type { ApiModel, OperationInfo } from "../model/types.ts";
import { objectProperties, deref } from "../model/schema-shape.ts";
import type { OpenApiDocument, SchemaOrRef } from "../openapi.ts";
import { jsdocText } from "./docs.ts";
import { relativeModule } from "./models.ts";
import { CORE_MODULE, resourceFile } from "./operations.ts";
import { referencedTypeNames } from "./type-shape.ts";

export const WAITERS_TABLE = "spec/waiters.json";
export const WAITERS_FILE = "src/waiters.ts";

export interface WaiterEntry {
  name: string;
  /** Completes "Waits until ...". */
  summary: string;
  operationId: string;
  /** The operation's one path parameter, which the waiter takes as its id argument. */
  idParam: string;
  /** Dotted path of the state in the response body. */
  path: string;
  success: string[];
  failure?: string[];
  /** "success": a 404 ends the wait successfully. */
  onNotFound?: "success";
}

export interface CheckedWaiter extends WaiterEntry {
  op: OperationInfo;
  file: string;
}

export class WaiterTableError extends Error {
  override name = "WaiterTableError";
}

const KEYS = new Set(["name", "summary", "operationId", "idParam", "path", "success", "failure", "onNotFound"]);

/** The table as written; parse errors name the file. */
export function readWaiterTable(root: string): unknown {
  const text = readFileSync(join(root, WAITERS_TABLE), "utf8");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new WaiterTableError(`${WAITERS_TABLE}: not valid JSON: ${(error as Error).message}`);
  }
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

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === "string");

/**
 * Checks every entry against the model; throws WaiterTableError naming the
 * file and the entry. With `onMissing`, an entry whose operation the spec does
 * not have (another spec version) is left out and reported there instead.
 */
export function checkWaiters(table: unknown, api: ApiModel, onMissing?: (message: string) => void): CheckedWaiter[] {
  const entries = (table as { waiters?: unknown } | null)?.waiters;
  if (!Array.isArray(entries))
    throw new WaiterTableError(`${WAITERS_TABLE}: expected an object with a "waiters" array`);
  // Field paths resolve through the IR's models, never the raw OpenAPI file.
  const doc = {
    components: { schemas: Object.fromEntries(api.models.map((m) => [m.key, m.schema])) },
  } as unknown as OpenApiDocument;
  const taken = new Set<string>([
    ...api.models.map((m) => m.name),
    ...api.operations.flatMap((o) => [o.functionName, ...Object.values(o.typeNames)]),
    ...api.aliases.filter((a) => a.kind !== "method").map((a) => a.name),
  ]);
  const seen = new Set<string>();
  const checked = entries.map((raw: unknown, index): CheckedWaiter | undefined => {
    const e = (raw ?? {}) as Partial<Record<keyof WaiterEntry, unknown>>;
    const where = `${WAITERS_TABLE}: waiters[${index}]${typeof e.name === "string" ? ` "${e.name}"` : ""}`;
    const fail = (problem: string): never => {
      throw new WaiterTableError(`${where}: ${problem}`);
    };
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) fail("expected an object");
    for (const key of Object.keys(e))
      if (!KEYS.has(key)) fail(`unknown key "${key}" (allowed: ${[...KEYS].join(", ")})`);
    for (const key of ["name", "summary", "operationId", "idParam", "path"] as const) {
      if (typeof e[key] !== "string" || !e[key]) fail(`"${key}" must be a non-empty string`);
    }
    const entry = e as WaiterEntry;
    if (!/^waitUntil[A-Z][A-Za-z0-9]*$/.test(entry.name)) fail(`name must look like waitUntilSomethingState`);
    if (seen.has(entry.name)) fail(`name "${entry.name}" is used twice`);
    if (taken.has(entry.name)) fail(`name "${entry.name}" is already exported by the generated package`);
    seen.add(entry.name);
    if (!isStringList(entry.success)) fail(`"success" must be a list of strings`);
    if (entry.failure !== undefined && !isStringList(entry.failure)) fail(`"failure" must be a list of strings`);
    if (entry.onNotFound !== undefined && entry.onNotFound !== "success") fail(`"onNotFound" can only be "success"`);
    if (!entry.success.length && entry.onNotFound !== "success")
      fail(`nothing ends the wait: "success" is empty and "onNotFound" is not "success"`);
    const both = entry.success.filter((v) => entry.failure?.includes(v));
    if (both.length) fail(`${JSON.stringify(both)} is both a success and a failure state`);

    const op = api.operations.find((o) => o.operationId === entry.operationId);
    if (!op && onMissing) {
      onMissing(`${where} left out: the spec has no operation "${entry.operationId}"`);
      return undefined;
    }
    if (!op) return fail(`unknown operationId "${entry.operationId}"`);
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
    const field = schemaAt(doc, op.response.schema, entry.path);
    if (!field) fail(`path "${entry.path}" is not in the response of ${op.operationId}`);
    const allowed = deref(doc, field)?.enum;
    if (allowed) {
      const unknown = [...entry.success, ...(entry.failure ?? [])].filter((v) => !allowed.includes(v));
      if (unknown.length)
        fail(`${JSON.stringify(unknown)} not among the values of ${entry.path}: ${JSON.stringify(allowed)}`);
    }
    const resource = api.resources.find((r) => r.operations.includes(op));
    if (!resource) return fail(`operation ${op.operationId} belongs to no resource`);
    return { ...entry, op, file: resourceFile(resource) };
  });
  return checked.filter((w): w is CheckedWaiter => w !== undefined);
}

const quoteList = (values: readonly string[]) => values.map((v) => `"${v}"`).join(" or ");

function waiterDoc(w: CheckedWaiter, idArg: string): string {
  const until = [
    w.success.length ? `\`${w.path}\` is ${quoteList(w.success)}` : undefined,
    w.onNotFound ? "the GET answers 404" : undefined,
  ]
    .filter(Boolean)
    .join(", or ");
  const failure = w.failure?.length
    ? `{@link WaitError} when \`${w.path}\` becomes ${quoteList(w.failure)}; with `
    : "";
  return jsdocText([
    `Waits until ${w.summary}: polls {@link ${w.op.functionName}} (\`GET ${w.op.path}\`) until ${until}.`,
    `Rejects with ${failure}{@link WaitTimeoutError} (carrying the last state) when \`maxWait\` runs out; with the request's own error${w.onNotFound ? "" : " (a 404 included)"} when polling fails; with the signal's reason when aborted.`,
    [
      `@param client - The client to poll with; its retries, limiter and rate-limit budget apply.`,
      `@param ${idArg} - The \`${w.idParam}\` path parameter.`,
      `@param options - minDelay, maxDelay, maxWait, signal and onPoll.`,
      `@returns The response body that showed the awaited state${w.onNotFound ? " (undefined after a 404)" : ""}.`,
    ].join("\n"),
  ])!;
}

export function emitWaiters(
  api: ApiModel,
  project: Project,
  table: unknown,
  onMissing?: (message: string) => void,
): CheckedWaiter[] {
  const waiters = checkWaiters(table, api, onMissing);
  const file = project.createSourceFile(WAITERS_FILE, "", { overwrite: true });
  const header = `// Waiters from ${WAITERS_TABLE}: each polls one GET operation through the runtime's waitUntil.`;
  if (!waiters.length) {
    file.addStatements([header, "export {};"]);
    return waiters;
  }
  file.addImportDeclaration({
    moduleSpecifier: relativeModule(WAITERS_FILE, CORE_MODULE),
    namedImports: ["waitUntil"],
  });
  // WaitError and WaitTimeoutError are imported for the JSDoc links only.
  file.addImportDeclaration({
    moduleSpecifier: relativeModule(WAITERS_FILE, CORE_MODULE),
    namedImports: ["Client", "WaitError", "WaitOptions", "WaitTimeoutError"],
    isTypeOnly: true,
  });
  const values = new Map<string, Set<string>>();
  const types = new Map<string, Set<string>>();
  const add = (into: Map<string, Set<string>>, key: string, name: string) =>
    into.set(key, (into.get(key) ?? new Set()).add(name));

  for (const w of waiters) {
    const fn = w.op.functionName;
    const idArg = w.op.pathParams[0]!.argName;
    // The id's type is exactly what the emitted operation declares, when that is self-contained.
    const declared = project.getSourceFile(w.file)?.getFunction(fn)?.getParameters()[1]?.getTypeNode()?.getText();
    const idType = declared && referencedTypeNames(declared).size === 0 ? declared : `Parameters<typeof ${fn}>[1]`;
    const body = w.op.typeNames.response ?? `Awaited<ReturnType<typeof ${fn}>>`;
    add(values, w.file, fn);
    if (w.op.typeNames.response) add(types, w.file, w.op.typeNames.response);
    const condition = [
      `label: \`${w.name}(\${${idArg}})\``,
      `path: ${JSON.stringify(w.path)}`,
      `success: ${JSON.stringify(w.success)}`,
      ...(w.failure?.length ? [`failure: ${JSON.stringify(w.failure)}`] : []),
      ...(w.onNotFound ? ["notFoundIsSuccess: true"] : []),
    ];
    file.addFunction({
      name: w.name,
      isExported: true,
      docs: [waiterDoc(w, idArg)],
      parameters: [
        { name: "client", type: "Client" },
        { name: idArg, type: idType },
        { name: "options", type: `WaitOptions<${body}>`, hasQuestionToken: true },
      ],
      returnType: `Promise<${body}${w.onNotFound ? " | undefined" : ""}>`,
      statements: `return waitUntil(client, (o) => ${fn}(client, ${idArg}, o), { ${condition.join(", ")} }, options);`,
    });
  }
  for (const [path, names] of [...values].sort(([a], [b]) => a.localeCompare(b))) {
    file.addImportDeclaration({ moduleSpecifier: relativeModule(WAITERS_FILE, path), namedImports: [...names].sort() });
    const typeNames = types.get(path);
    if (typeNames)
      file.addImportDeclaration({
        moduleSpecifier: relativeModule(WAITERS_FILE, path),
        namedImports: [...typeNames].sort(),
        isTypeOnly: true,
      });
  }
  file.insertStatements(0, header);
  return waiters;
}
