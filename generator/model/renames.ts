// Renamed operations, softened: spec/renames.json says which operationId an
// operation had before, and the old function name (with its types and, in the
// same resource group, its grouped method) stays exported as a deprecated
// alias. Old names come from the old operationId by the same naming rules, and
// are claimed after every current name, so an alias never takes a name from
// anything real; an alias that cannot be made is a warning, never a failure.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseSpecText } from "../load/syntax-errors.ts";
import { formatPointer } from "../pointer.ts";
import { NameClashError, type NameRegistry } from "../naming/registry.ts";
import type { PassReport } from "../normalize/pass.ts";
import { functionNameCandidates, groupedName, typeBase } from "../naming/operation-names.ts";
import type { AliasInfo, OperationInfo } from "./types.ts";

export const RENAMES_TABLE = "spec/renames.json";

export interface RenameEntry {
  /** The operationId the operation had (its old names derive from it). */
  from: string;
  /** The operationId it has now. */
  to: string;
  /** Why, or since when; shown in the alias's @deprecated note. */
  note?: string;
}

export interface RenameInput {
  entries: readonly RenameEntry[];
  /** Stale entries and names that cannot be kept. */
  warn(message: string): void;
}

/** The project's table, with a report that collects its warnings for the run summary. */
export function renameInput(root: string): RenameInput & { report: PassReport } {
  const report: PassReport = { pass: "renames", fixes: [], warnings: [] };
  return { entries: readRenameTable(root), warn: (message) => report.warnings.push({ message }), report };
}

export class RenameTableError extends Error {
  override name = "RenameTableError";
}

const KEYS = new Set(["from", "to", "note"]);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The checked table; a missing file means no renames. Errors name the file and the entry. */
export function readRenameTable(root: string, file = RENAMES_TABLE): RenameEntry[] {
  const path = join(root, file);
  if (!existsSync(path)) return [];
  const parsed = parseSpecText(path, readFileSync(path, "utf8"));
  if (!parsed.ok) {
    const at = parsed.problem.tokens.length ? ` (at ${formatPointer(parsed.problem.tokens)})` : "";
    throw new RenameTableError(`${file}: ${parsed.problem.message}${at}`);
  }
  return checkRenameTable(parsed.value, file);
}

export function checkRenameTable(json: unknown, file = RENAMES_TABLE): RenameEntry[] {
  if (!isObject(json) || !Array.isArray(json.renames))
    throw new RenameTableError(`${file}: expected an object with a "renames" array`);
  for (const key of Object.keys(json))
    if (key !== "renames" && key !== "description") throw new RenameTableError(`${file}: unknown key "${key}"`);
  const seen = new Map<string, number>();
  return json.renames.map((raw: unknown, index) => {
    const fail = (problem: string): never => {
      throw new RenameTableError(`${file}: renames[${index}]: ${problem}`);
    };
    if (!isObject(raw)) return fail("expected an object");
    for (const key of Object.keys(raw))
      if (!KEYS.has(key)) fail(`unknown key "${key}" (allowed: ${[...KEYS].join(", ")})`);
    for (const key of ["from", "to"] as const)
      if (typeof raw[key] !== "string" || !raw[key]) fail(`"${key}" must be a non-empty operationId`);
    if (raw.note !== undefined && typeof raw.note !== "string") fail(`"note" must be a string`);
    const entry = raw as unknown as RenameEntry;
    if (entry.from === entry.to) fail(`"from" and "to" are both "${entry.from}"`);
    const earlier = seen.get(entry.from);
    if (earlier !== undefined) fail(`"${entry.from}" is already renamed by renames[${earlier}]`);
    seen.set(entry.from, index);
    return entry;
  });
}

export interface AliasScopes {
  /** Top-level exports, after every operation, type and model name is claimed. */
  exported: NameRegistry;
  /** Grouped-name resource -> client property, and each property's method names. */
  resourceProperty: ReadonlyMap<string, string>;
  methods: ReadonlyMap<string, NameRegistry>;
}

export function claimAliases(
  input: RenameInput,
  operations: readonly OperationInfo[],
  scopes: AliasScopes,
): AliasInfo[] {
  const byId = new Map(operations.map((op) => [op.operationId, op]));
  const aliases: AliasInfo[] = [];
  for (const [index, entry] of input.entries.entries()) {
    const where = `${RENAMES_TABLE}: renames[${index}] (${entry.from} -> ${entry.to})`;
    const op = byId.get(entry.to);
    if (!op) {
      input.warn(`${where} left out: the spec has no operation "${entry.to}"`);
      continue;
    }
    if (byId.has(entry.from)) {
      input.warn(`${where} left out: operation "${entry.from}" still exists`);
      continue;
    }
    const keep = (kind: AliasInfo["kind"], name: string, target: string, registry: NameRegistry) => {
      if (name === target) return;
      try {
        registry.claim([name], `deprecated alias of ${target}`);
        aliases.push({ kind, name, target, operationId: op.operationId, fromOperationId: entry.from });
      } catch (error) {
        if (!(error instanceof NameClashError)) throw error;
        input.warn(`${where}: cannot keep "${name}" as an alias of ${target}: the name is taken or reserved`);
      }
    };
    const oldFunction = functionNameCandidates(entry.from, op.method.toLowerCase(), op.path)[0]!;
    keep("function", oldFunction, op.functionName, scopes.exported);
    const base = typeBase(op.functionName);
    for (const name of Object.values(op.typeNames)) {
      if (name?.startsWith(base)) keep("type", typeBase(oldFunction) + name.slice(base.length), name, scopes.exported);
    }
    const old = groupedName(entry.from, op.tags[0]);
    const property = scopes.resourceProperty.get(old.resource);
    if (property === op.resource) keep("method", old.method, op.methodName, scopes.methods.get(property)!);
    else
      input.warn(
        `${where}: client.${old.resource}.${old.method} is not kept: the operation moved to client.${op.resource}`,
      );
  }
  return aliases;
}
