// The project's data in spec/, read in one place and checked against the JSON
// Schemas in spec/schemas (load/data-file.ts): model names, overlays and
// waiters. What needs the spec itself (a waiter's operation exists and is a
// GET, an overlay's target matches) is checked later, where the spec is known.
import { join } from "node:path";
import type { ModelNameOverrides } from "../normalize/passes/hoist-shared-schemas.ts";
import { readJsonFile, SpecDataError, validateData } from "./data-file.ts";
import { type LoadedOverlay, loadOverlays } from "./overlay.ts";

export const SPEC_FILES = {
  modelNames: "spec/model-names.json",
  overlays: "spec/overlays",
  waiters: "spec/waiters.json",
} as const;

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

export interface SpecData {
  /** spec/model-names.json: JSON pointer -> model name. */
  modelNames: ModelNameOverrides;
  /** spec/overlays/*.json, in the order they apply. */
  overlays: LoadedOverlay[];
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

export function parseModelNames(json: unknown, file: string = SPEC_FILES.modelNames): ModelNameOverrides {
  validateData(json, "model-names.schema.json", file);
  return (json as { names: ModelNameOverrides }).names;
}

/** Everything in spec/ the generator reads, checked; `root` is the project root. */
export function readSpecData(root: string): SpecData {
  const read = (file: string) => readJsonFile(join(root, file), file);
  return {
    modelNames: parseModelNames(read(SPEC_FILES.modelNames)),
    overlays: loadOverlays(join(root, SPEC_FILES.overlays), SPEC_FILES.overlays),
    waiters: parseWaiters(read(SPEC_FILES.waiters)),
  };
}
