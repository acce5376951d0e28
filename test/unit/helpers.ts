// Shared helpers for given/want tests of normaliser passes.
import type { OpenApiDocument } from "../../generator/openapi.ts";
import { deepFreeze, runPass, type NormalizePass } from "../../generator/normalize/pass.ts";

/** A minimal valid document around the given paths/components. */
export function spec(parts: Partial<OpenApiDocument> = {}): OpenApiDocument {
  return { openapi: "3.0.0", info: { title: "fixture", version: "1" }, paths: {}, ...parts } as OpenApiDocument;
}

/** Runs a pass on frozen input (so any mutation throws) and returns output and report. */
export function apply(pass: NormalizePass, given: OpenApiDocument) {
  return runPass(pass, deepFreeze(structuredClone(given)));
}
