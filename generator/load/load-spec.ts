// Step 1: find, hash-check, parse (JSON or YAML, one file or many joined by
// relative $refs) and validate the input, with the checks the validator
// misses (check-spec.ts). Every failure is a SpecError that names the file
// and, where known, the JSON pointer.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import SwaggerParser from "@apidevtools/swagger-parser";
import type { OpenApiDocument } from "../openapi.ts";
import { bundleSpec } from "./bundle.ts";
import { checkDocument } from "./check-spec.ts";
import { readSpecFiles } from "./read-files.ts";
import { SpecError } from "./spec-error.ts";

export { SpecError };

export interface SpecSource {
  package: string;
  version: string;
  file: string;
  sha256: string;
}

export interface LoadedSpec {
  file: string;
  sha256: string;
  doc: OpenApiDocument;
  /** For a multi-file spec: origin name of each bundled schema -> the file (and fragment) it came from. */
  origins: ReadonlyMap<string, string>;
  /** With a validator elsewhere: settles when the schema validation has; rejects with its SpecError. */
  validated?: Promise<void>;
}

/** What a validator reports: swagger-parser's error, reduced to what toSpecError reads. */
export interface ValidationFailure {
  message?: string;
  source?: string;
  path?: (string | number)[];
  errors?: { message?: string; path?: (string | number)[]; source?: string }[];
}

/** Validates a copy of the document elsewhere (a worker thread); resolves to the failure, if any. */
export type ValidateApart = (doc: OpenApiDocument) => Promise<ValidationFailure | undefined>;

/** The pinned input file, as installed from npm. */
export function pinnedSpecPath(source: SpecSource, root: string): string {
  const require = createRequire(join(root, "package.json"));
  const pkgJson = require.resolve(`${source.package}/package.json`);
  return join(dirname(pkgJson), source.file);
}

export function sha256(bytes: Buffer | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Reads the file's bytes, so the hash check covers exactly what is parsed. */
export function readSpecBytes(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new SpecError(`cannot read the spec: ${(error as Error).message}`, file);
  }
}

/**
 * Parses, bundles external refs into the document, and validates it against
 * the OpenAPI schema: here, or with `validateApart` beside the next steps
 * (then `validated` says how it went, and the caller must await it).
 */
export async function loadSpec(file: string, validateApart?: ValidateApart): Promise<LoadedSpec> {
  const path = resolve(file);
  const bytes = readSpecBytes(path);
  const read = readSpecFiles(path);
  if (!("files" in read)) {
    const problem = read.problem ?? { message: "cannot read the spec", file: path, pointer: undefined };
    throw new SpecError(problem.message, problem.file, problem.pointer);
  }
  const { doc, origins } = bundleSpec(read.files);
  if (typeof (doc as { openapi?: unknown }).openapi !== "string" || !doc.openapi.startsWith("3.")) {
    throw new SpecError("not an OpenAPI 3.x document (no `openapi: 3.x` field)", path, "#/openapi");
  }
  const problems = checkDocument(doc, path);
  if (problems.length) {
    const [first, ...rest] = problems;
    const more = rest
      .map((p) => `\n  ${p.pointer}: ${p.message}`)
      .slice(0, 10)
      .join("");
    throw new SpecError(
      first!.message + (rest.length ? `\n${rest.length} more:${more}` : ""),
      first!.file,
      first!.pointer,
    );
  }
  if (validateApart) {
    const validated = validateApart(doc).then((failure) => {
      if (failure) throw toSpecError(failure, path);
    });
    validated.catch(() => undefined); // the caller awaits it
    return { file: path, sha256: sha256(bytes), doc, origins, validated };
  }
  try {
    await SwaggerParser.validate(structuredClone(doc) as never);
  } catch (error) {
    throw toSpecError(error, path);
  }
  return { file: path, sha256: sha256(bytes), doc, origins };
}

/** Turns a parser/validator error into one line that says where. */
function toSpecError(error: unknown, file: string): SpecError {
  const e = error as {
    message?: string;
    source?: string;
    path?: (string | number)[];
    errors?: { message?: string; path?: (string | number)[]; source?: string }[];
  };
  const first = e.errors?.[0];
  const where = first?.path ?? e.path;
  const pointer = where?.length
    ? "#/" + where.map((t) => String(t).replace(/~/g, "~0").replace(/\//g, "~1")).join("/")
    : undefined;
  const message = (first?.message ?? e.message ?? String(error)).split("\n").slice(0, 12).join("\n");
  return new SpecError(message, first?.source ?? e.source ?? file, pointer);
}
