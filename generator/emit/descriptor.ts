// The Operation descriptor each generated function hands to the runtime:
// method, path and where each parameter goes. Built as data (typed by the
// runtime's own Operation interface, so the two cannot disagree), then
// written as a one-line object literal. The one field that holds a function
// (`stream`) is a reference to a runtime export, written as its identifier.
import type { OperationInfo } from "../model/types.ts";
import type { Operation } from "../../templates/runtime/operation.ts";

/** A runtime export the descriptor names, written as an identifier (and imported) rather than as data. */
export class RuntimeRef {
  constructor(readonly name: string) {}
}

/** The runtime's function that reads a text/event-stream success as a Stream. */
export const READ_EVENT_STREAM = new RuntimeRef("readEventStream");

/** The runtime's encodings of bodies that are not JSON: a multipart form, raw bytes. */
export const FORM_BODY = new RuntimeRef("formBody");
export const BYTES_BODY = new RuntimeRef("bytesBody");

/** The runtime's targets of operations that do not send to the client's baseUrl. */
export const SERVER_TARGET = new RuntimeRef("serverTarget");
export const URL_TARGET = new RuntimeRef("urlTarget");

/** An Operation as the emitter holds it: data, with runtime references where the runtime takes functions. */
export type Descriptor = Omit<Operation, "stream" | "encoding" | "target"> & {
  stream?: RuntimeRef;
  encoding?: RuntimeRef;
  target?: RuntimeRef;
};

/** A body's media type as the descriptor says it: an encoding the runtime has, else JSON text sent as that type. */
function bodyEncoding(contentType: string): Pick<Descriptor, "encoding" | "contentType"> {
  if (contentType.startsWith("multipart/form-data")) return { encoding: FORM_BODY };
  if (contentType === "application/octet-stream") return { encoding: BYTES_BODY };
  return contentType === "application/json" ? {} : { contentType };
}

/** The runtime exports a descriptor names (to import beside it). */
export const descriptorRefs = (descriptor: Descriptor): string[] =>
  Object.values(descriptor)
    .filter((value) => value instanceof RuntimeRef)
    .map((ref) => ref.name);

export function operationDescriptor(op: OperationInfo): Descriptor {
  const mediaType = op.response.mediaType;
  const deepObject = op.queryParams.filter((p) => p.deepObject).map((p) => p.name);
  return {
    method: op.method,
    path: op.path,
    ...(op.queryParams.length ? { query: op.queryParams.map((p) => p.name) } : {}),
    ...(deepObject.length ? { deepObject } : {}),
    ...(op.headerParams.length ? { headers: Object.fromEntries(op.headerParams.map((p) => [p.name, p.name])) } : {}),
    ...(op.body ? { body: op.body.mode } : {}),
    ...(op.body?.required ? { bodyRequired: true } : {}),
    ...(op.body?.fields ? { fields: op.body.fields } : {}),
    ...(op.body?.requiredFields?.length ? { required: op.body.requiredFields } : {}),
    ...(op.body?.open ? { open: true } : {}),
    ...(op.body ? bodyEncoding(op.body.contentType) : {}),
    ...(mediaType && mediaType !== "application/json" ? { accept: mediaType } : {}),
    ...(op.response.kind !== "json" ? { response: op.response.kind } : {}),
    ...(op.response.stream ? { stream: READ_EVENT_STREAM } : {}),
    ...(op.pagination ? { items: op.pagination.itemsKey } : {}),
    ...(op.pagination?.itemsRequired ? { itemsRequired: true } : {}),
    ...(op.server
      ? {
          server: {
            url: op.server.url,
            ...(op.server.variables.length ? { variables: op.server.variables.map((v) => v.name) } : {}),
          },
        }
      : {}),
    ...(op.urlArgument ? { url: true as const, target: URL_TARGET } : op.server ? { target: SERVER_TARGET } : {}),
    ...(op.auth !== "token" ? { auth: op.auth } : {}),
  };
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A JSON value as a one-line JavaScript literal; object keys unquoted where they are identifiers. */
export function literal(value: unknown): string {
  if (value instanceof RuntimeRef) return value.name;
  if (Array.isArray(value)) return `[${value.map(literal).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).map(
      ([key, item]) => `${IDENTIFIER.test(key) ? key : JSON.stringify(key)}: ${literal(item)}`,
    );
    return `{ ${entries.join(", ")} }`;
  }
  return JSON.stringify(value);
}
