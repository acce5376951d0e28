// Renamed operations, softened: spec/renames.json says which operationId an
// operation had before, and the old function name (with its types and, in the
// same resource group, its grouped method) stays exported as a deprecated
// alias. Old names come from the old operationId by the same naming rules, and
// are claimed after every current name, so an alias never takes a name from
// anything real; an alias that cannot be made is a warning, never a failure.
// (The table's shape is checked when it is read: load/spec-data.ts.)
import type { RenameEntry } from "../load/spec-data.ts";
import { NameClashError, type NameRegistry } from "../naming/registry.ts";
import { functionNameCandidates, groupedName, typeBase } from "../naming/operation-names.ts";
import type { AliasInfo, OperationInfo } from "./types.ts";

export const RENAMES_TABLE = "spec/renames.json";

export interface RenameInput {
  /** spec/renames.json's entries (read and checked by load/spec-data.ts). */
  entries: readonly RenameEntry[];
  /** Stale entries and names that cannot be kept. */
  warn(message: string): void;
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
