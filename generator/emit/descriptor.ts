// The Operation descriptor each generated function hands to the runtime:
// method, path and where each parameter goes. Built as data (typed by the
// runtime's own Operation interface, so the two cannot disagree), then
// written as a one-line object literal.
import type { OperationInfo } from "../model/types.ts";
import type { Operation } from "../../templates/runtime/operation.ts";

export function operationDescriptor(op: OperationInfo): Operation {
  const mediaType = op.response.mediaType;
  return {
    method: op.method,
    path: op.path,
    ...(op.queryParams.length ? { query: op.queryParams.map((p) => p.name) } : {}),
    ...(op.headerParams.length ? { headers: Object.fromEntries(op.headerParams.map((p) => [p.name, p.name])) } : {}),
    ...(op.body ? { body: op.body.mode } : {}),
    ...(op.body?.required ? { bodyRequired: true } : {}),
    ...(op.body?.fields ? { fields: op.body.fields } : {}),
    ...(op.body?.requiredFields?.length ? { required: op.body.requiredFields } : {}),
    ...(op.body?.open ? { open: true } : {}),
    ...(op.body && op.body.contentType !== "application/json" ? { contentType: op.body.contentType } : {}),
    ...(mediaType && mediaType !== "application/json" ? { accept: mediaType } : {}),
    ...(op.response.kind !== "json" ? { response: op.response.kind } : {}),
    ...(op.pagination ? { items: op.pagination.itemsKey } : {}),
    ...(op.server
      ? {
          server: {
            url: op.server.url,
            ...(op.server.variables.length ? { variables: op.server.variables.map((v) => v.name) } : {}),
          },
        }
      : {}),
    ...(op.urlArgument ? { url: true as const } : {}),
    ...(op.auth !== "token" ? { auth: op.auth } : {}),
  };
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A JSON value as a one-line JavaScript literal; object keys unquoted where they are identifiers. */
export function literal(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(literal).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).map(
      ([key, item]) => `${IDENTIFIER.test(key) ? key : JSON.stringify(key)}: ${literal(item)}`,
    );
    return `{ ${entries.join(", ")} }`;
  }
  return JSON.stringify(value);
}
