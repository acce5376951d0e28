// The project's data in spec/, read in one place and checked against the JSON
// Schemas in spec/schemas (load/data-file.ts): credentials, model names,
// overlays, renames and waiters. What needs the spec itself (a waiter's operation exists and is
// a GET, an overlay's target matches, a renamed operation is there) is checked
// later, where the spec is known.
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { ModelNameOverrides } from "../normalize/passes/hoist-shared-schemas.ts";
import { readJsonFile, SpecDataError, validateData } from "./data-file.ts";
import { type LoadedOverlay, loadOverlays } from "./overlay.ts";

export const SPEC_FILES = {
  credentials: "spec/credentials.json",
  modelNames: "spec/model-names.json",
  overlays: "spec/overlays",
  renames: "spec/renames.json",
  waiters: "spec/waiters.json",
} as const;

/** One entry of spec/renames.json (its shape is spec/schemas/renames.schema.json). */
export interface RenameEntry {
  /** The operationId the operation had (its old names derive from it). */
  from: string;
  /** The operationId it has now. */
  to: string;
  /** Why, or since when; shown in the alias's @deprecated note. */
  note?: string;
}

/** One entry of spec/waiters.json (its shape is spec/schemas/waiters.schema.json). */
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

/** The SDK's credentials (client options): the API token and the serverless-inference model access key. */
export type Credential = "token" | "modelAccessKey";

export interface SpecData {
  /** spec/credentials.json: security scheme name -> the credential sent for it. */
  credentials: Readonly<Record<string, Credential>>;
  /** spec/model-names.json: JSON pointer -> model name. */
  modelNames: ModelNameOverrides;
  /** spec/overlays/*.json, in the order they apply. */
  overlays: LoadedOverlay[];
  /** spec/renames.json (optional): operations whose operationId changed. */
  renames: RenameEntry[];
  /** spec/waiters.json. */
  waiters: WaiterEntry[];
}

/** The waiter table's entries; refuses a table that does not fit its schema, or a state that both ends and fails a wait. */
export function parseWaiters(json: unknown, file: string = SPEC_FILES.waiters): WaiterEntry[] {
  validateData(json, "waiters.schema.json", file);
  const entries = (json as { waiters: WaiterEntry[] }).waiters;
  entries.forEach((entry, i) => {
    const both = entry.success.filter((state) => entry.failure?.includes(state));
    if (both.length)
      throw new SpecDataError(
        file,
        `/waiters/${i}/failure`,
        `${JSON.stringify(both)} is both a success and a failure state`,
      );
  });
  return entries;
}

/** The rename table's entries; refuses an entry renaming an operation to itself, or one renamed twice. */
export function parseRenames(json: unknown, file: string = SPEC_FILES.renames): RenameEntry[] {
  validateData(json, "renames.schema.json", file);
  const entries = (json as { renames: RenameEntry[] }).renames;
  const seen = new Map<string, number>();
  entries.forEach((entry, i) => {
    if (entry.from === entry.to)
      throw new SpecDataError(file, `/renames/${i}/to`, `"from" and "to" are both "${entry.from}"`);
    const earlier = seen.get(entry.from);
    if (earlier !== undefined)
      throw new SpecDataError(file, `/renames/${i}/from`, `"${entry.from}" is already renamed by renames[${earlier}]`);
    seen.set(entry.from, i);
  });
  return entries;
}

export function parseModelNames(json: unknown, file: string = SPEC_FILES.modelNames): ModelNameOverrides {
  validateData(json, "model-names.schema.json", file);
  return (json as { names: ModelNameOverrides }).names;
}

export function parseCredentials(json: unknown, file: string = SPEC_FILES.credentials): Record<string, Credential> {
  validateData(json, "credentials.schema.json", file);
  return (json as { schemes: Record<string, Credential> }).schemes;
}

/** Everything in spec/ the generator reads, checked; `root` is the project root. */
export function readSpecData(root: string): SpecData {
  const read = (file: string) => readJsonFile(join(root, file), file);
  return {
    // No file: the API token is the one credential (bearer_auth, DigitalOcean's scheme for it).
    credentials: existsSync(join(root, SPEC_FILES.credentials))
      ? parseCredentials(read(SPEC_FILES.credentials))
      : { bearer_auth: "token" },
    modelNames: parseModelNames(read(SPEC_FILES.modelNames)),
    overlays: loadOverlays(join(root, SPEC_FILES.overlays), SPEC_FILES.overlays),
    // No file, no renames.
    renames: existsSync(join(root, SPEC_FILES.renames)) ? parseRenames(read(SPEC_FILES.renames)) : [],
    waiters: parseWaiters(read(SPEC_FILES.waiters)),
  };
}
