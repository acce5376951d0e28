// The operations the contract suite tests, read from the normalised spec the
// generator wrote (generated/openapi.json): the generator's own IR says how
// the SDK function is called (with the same runtime names, so the same
// identifiers), the raw operation keeps the examples the IR drops. Nothing here is hand-listed, so new operations get tests for free.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { readSpecData } from "../../../generator/load/spec-data.ts";
import { buildModel } from "../../../generator/model/build-model.ts";
import type { OperationInfo } from "../../../generator/model/types.ts";
import { runtimeClientMembers, runtimeExportNames } from "../../../generator/naming/runtime-names.ts";
import {
  eachOperation,
  type OpenApiDocument,
  type OperationObject,
  type PathItemObject,
} from "../../../generator/openapi.ts";

export const SPEC_PATH = fileURLToPath(new URL("../../../generated/openapi.json", import.meta.url));

export interface ContractOperation {
  /** "GET /v2/account": how coverage names an operation. */
  key: string;
  info: OperationInfo;
  raw: OperationObject;
  pathItem: PathItemObject;
}

export const operationKey = (method: string, path: string): string => `${method.toUpperCase()} ${path}`;

export function loadSpec(path = SPEC_PATH): OpenApiDocument {
  return JSON.parse(readFileSync(path, "utf8")) as OpenApiDocument;
}

/** Every operation of the document, keyed by method and path, straight from `paths` (not through the IR). */
export function specOperationKeys(doc: OpenApiDocument): string[] {
  return [...eachOperation(doc)].map(({ method, path }) => operationKey(method, path));
}

export function contractOperations(doc: OpenApiDocument): ContractOperation[] {
  const raw = new Map([...eachOperation(doc)].map((o) => [operationKey(o.method, o.path), o]));
  const root = fileURLToPath(new URL("../../..", import.meta.url));
  const runtime = fileURLToPath(new URL("../../../templates/runtime", import.meta.url));
  const names = { exports: runtimeExportNames(runtime), clientMembers: runtimeClientMembers(runtime) };
  // The same spec data as the generator: credentials decide which key each call sends.
  const { credentials, renames } = readSpecData(root);
  return buildModel(doc, names, { credentials, renames: { entries: renames, warn: () => {} } }).operations.map(
    (info) => {
      const key = operationKey(info.method, info.path);
      const found = raw.get(key);
      if (!found) throw new Error(`IR operation ${info.operationId} (${key}) is not in the document`);
      return { key, info, raw: found.operation, pathItem: found.pathItem };
    },
  );
}

/** The first tag of an operation, which is how the error-status tests pick one operation per tag. */
export const tagOf = (op: ContractOperation): string => op.info.tags[0] ?? "(untagged)";
