// The OpenAPI shapes the generator works on. Passes see the document as plain
// JSON (it is parsed, cloned and rewritten freely), so these types are loose on
// purpose: they name the parts we read, and leave the rest open.
import type { OpenAPIV3 } from "openapi-types";
import { getAt, parsePointer } from "./pointer.ts";

export type OpenApiDocument = OpenAPIV3.Document;
export type SchemaObject = OpenAPIV3.SchemaObject;
export type ReferenceObject = OpenAPIV3.ReferenceObject;
export type SchemaOrRef = SchemaObject | ReferenceObject;
export type OperationObject = OpenAPIV3.OperationObject;
export type ParameterObject = OpenAPIV3.ParameterObject;
export type PathItemObject = OpenAPIV3.PathItemObject;

/**
 * Where the loader puts the schemas a multi-file spec shares between files,
 * under their origin names (load/bundle.ts), until hoist-shared-schemas names
 * them; nothing of it is left after normalisation.
 */
export const BUNDLED_SCHEMAS = "x-bundled-schemas";

/** `/<upload_url>`: a path that stands for a whole URL given at run time (DigitalOcean's presigned uploads). */
export const RUN_TIME_PATH = /^\/<([A-Za-z0-9_.-]+)>$/;
/** A server URL with a scheme and no host (`https://`): the server of a run-time target. */
export const HOSTLESS_SERVER = /^[a-z][a-z0-9+.-]*:\/\/\/?$/i;

export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export function isRef(value: unknown): value is ReferenceObject {
  return typeof value === "object" && value !== null && typeof (value as { $ref?: unknown }).$ref === "string";
}

/** Every operation of a document, in document order. */
export function* eachOperation(
  doc: OpenApiDocument,
): Generator<{ path: string; method: HttpMethod; pathItem: PathItemObject; operation: OperationObject }> {
  for (const [path, pathItem] of Object.entries(doc.paths ?? {})) {
    if (!pathItem) continue;
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (operation) yield { path, method, pathItem, operation };
    }
  }
}

/**
 * Follows `$ref` chains from `node` (local refs only) to a node without `$ref`;
 * undefined when a ref dangles, leaves the document, or loops. Shared by the
 * normaliser passes and the model builder.
 */
export function derefLocal(doc: unknown, node: unknown): unknown {
  const seen = new Set<string>();
  let current = node;
  while (isRef(current)) {
    const ref = current.$ref;
    if (!ref.startsWith("#") || seen.has(ref)) return undefined;
    seen.add(ref);
    current = getAt(doc, parsePointer(ref));
  }
  return current;
}
