// The contract every normaliser pass follows: one quirk per pass, pure
// (document in, document out: never mutate the input), and every change it
// makes reported through the context so the run summary can list it.
import type { OpenApiDocument } from "../openapi.ts";

export interface PassContext {
  /** Something looked wrong but the pass could work around it. */
  warn(message: string, pointer?: string): void;
  /** Record one applied fix (counted per pass in the run summary). */
  fixed(message: string, pointer?: string): void;
  /** Something worth a line in the summary that is not a problem (a fix this spec does not need). */
  note(message: string): void;
  /** What only `--verbose` shows: the particulars behind a note. */
  detail(message: string): void;
}

export interface NormalizePass {
  /** kebab-case, named after the quirk it fixes, e.g. "drop-broken-discriminator-mappings". */
  readonly name: string;
  run(doc: OpenApiDocument, ctx: PassContext): OpenApiDocument;
}

export interface PassReport {
  pass: string;
  fixes: { message: string; pointer?: string }[];
  warnings: { message: string; pointer?: string }[];
  /** Present when the pass has something to say that is not a problem. */
  notes?: string[];
  /** Present when a note has particulars, which `--verbose` lists. */
  details?: string[];
}

/** A context that records into a report; used by the runner and by unit tests. */
export function recordingContext(pass: string): { ctx: PassContext; report: PassReport } {
  const report: PassReport = { pass, fixes: [], warnings: [] };
  const ctx: PassContext = {
    warn: (message, pointer) => void report.warnings.push({ message, pointer }),
    fixed: (message, pointer) => void report.fixes.push({ message, pointer }),
    note: (message) => {
      report.notes ??= [];
      report.notes.push(message);
    },
    detail: (message) => {
      report.details ??= [];
      report.details.push(message);
    },
  };
  return { ctx, report };
}

/** Runs one pass and collects what it reported. */
export function runPass(pass: NormalizePass, doc: OpenApiDocument): { doc: OpenApiDocument; report: PassReport } {
  const { ctx, report } = recordingContext(pass.name);
  return { doc: pass.run(doc, ctx), report };
}

/** Deep-freezes a value: unit tests hand passes frozen input to prove they are pure. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
