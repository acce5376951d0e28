// Turns an Operation plus the caller's arguments into URL, headers and body.
// This is where untrusted values meet the wire, so it is also where they are
// checked: a path argument fills exactly one segment, a header one line, a
// query value is a scalar (an object only where the spec says how to send
// it), and every params key must mean something to the operation.
import { ArgumentError } from "./errors.js";
import type { Operation } from "./operation.js";

export type Params = Record<string, unknown>;

/** A request body as fetch takes it: JSON text, raw bytes, a stream or a FormData. */
export type Body = string | Blob | ArrayBuffer | ArrayBufferView | ReadableStream<Uint8Array> | FormData;

/**
 * How a body that is not JSON is sent (a form, raw bytes). Only the
 * descriptors of operations that send one name it (formBody, bytesBody in
 * bodies.ts), so apps that import none never bundle its code.
 */
export interface BodyEncoding {
  /** The Content-Type to send; undefined: fetch sets it (a FormData's, with its boundary). */
  readonly type?: string;
  /** Whether `params.body` is the whole body in place of the fields (a FormData for a form). */
  readonly isWhole?: (given: unknown) => boolean;
  /** When it is, why any other params key is refused: the hint of that ArgumentError. */
  readonly wholeHint?: string;
  /** The body to send: from the fields (an object) or `body`, with the extraBody option; undefined for none. */
  encode(op: Operation, body: unknown, extra: Params | undefined): Body | undefined;
}

/**
 * Where an operation that does not send to the client's baseUrl sends: a
 * server of its own, or a URL given at run time. Only the descriptors of such
 * operations name one (serverTarget, urlTarget in targets.ts), so apps that
 * import none never bundle its code.
 */
export interface Target {
  /** The URL to send to, its path filled, before the query. The API token never leaves the API's origin. */
  url(
    op: Operation,
    pathArgs: readonly unknown[],
    baseUrl: string,
    servers: Record<string, string> | undefined,
  ): string;
  /** What of `url` is a secret (a presigned URL's query): errors, hooks and logs never show it. */
  secrets?(url: string): string[];
}

/** The message for an extraBody that cannot be used. */
export const EXTRA_BODY = "`extraBody` must be an object, for an object body or a request without one";

/** null and undefined: values that are left out. */
export const absent = (value: unknown): value is null | undefined => value === null || value === undefined;

/** Raw bytes, which fetch sends as they are. */
export const isBinary = (v: unknown): v is Blob | ArrayBuffer | ArrayBufferView | ReadableStream =>
  v instanceof ArrayBuffer || ArrayBuffer.isView(v) || v instanceof Blob || v instanceof ReadableStream;

/** A plain object: what a JSON object body, extraBody and a deepObject value are. */
export const isObject = (v: unknown): v is Params =>
  typeof v === "object" &&
  v !== null &&
  !(Array.isArray(v) || v instanceof Date || v instanceof FormData || isBinary(v));

/** "POST /v2/volumes": how messages name the operation (its template, never the caller's values). */
export const opName = (op: Operation): string => `${op.method} ${op.url ? "<url>" : op.path}`;

/**
 * One path segment. "/" goes out as %2F; ":" and "@", which a segment may hold
 * (RFC 3986 pchar), stay as they are, as DigitalOcean documents digests
 * (`sha256:abcd`). "." and ".." survive encoding and would move the request up
 * the path, so they are refused, as are NaN and the infinities.
 */
function segment(name: string, value: unknown): string {
  try {
    if (typeof value === "string" ? value && value !== "." && value !== ".." : Number.isFinite(value))
      return encodeURIComponent(value as string).replace(/%(3A|40)/g, decodeURIComponent);
  } catch {
    // A lone surrogate: not encodable, so refused like any other unusable value.
  }
  throw new ArgumentError(`Path parameter "${name}" must be a finite number or a non-empty string other than . and ..`);
}

/** A query value as text: Dates as ISO 8601; objects and non-finite numbers refused. */
function queryText(name: string, value: unknown): string {
  // An invalid Date's time is NaN, which toISOString would throw on.
  if (value instanceof Date && Number.isFinite(+value)) return value.toISOString();
  if (typeof value === "string" || typeof value === "boolean" || Number.isFinite(value)) return String(value);
  throw new ArgumentError(
    `Query parameter "${name}" must be a string, finite number, boolean, Date or an array of these`,
  );
}

function appendQuery(query: URLSearchParams, op: Operation, name: string, value: unknown): void {
  if (op.deepObject?.includes(name) && isObject(value)) {
    // OpenAPI's deepObject style, only where the operation declares it: filter[region]=nyc3
    for (const key in value) if (!absent(value[key])) query.append(`${name}[${key}]`, queryText(name, value[key]));
  } else for (const v of [value].flat()) if (!absent(v)) query.append(name, queryText(name, v));
}

/** Path templates split at their placeholders, "/v2/images/{image_id}" -> ["/v2/images/", "image_id", ""]. */
const templates = new Map<string, string[]>();

/** `base` with the operation's path template filled from the path arguments after the first `skip`. */
export function fillPath(base: string, op: Operation, pathArgs: readonly unknown[], skip: number): string {
  let parts = templates.get(op.path);
  if (!parts) {
    parts = op.path.split(/\{([^}]*)\}/);
    templates.set(op.path, parts);
  }
  let url = base.replace(/\/+$/, "") + parts[0];
  for (let i = 1; i < parts.length; i += 2) url += segment(parts[i]!, pathArgs[skip + (i - 1) / 2]) + parts[i + 1];
  return url;
}

/**
 * The URL to send to: the client's base URL and the filled path template (or
 * the operation's own target), then the query.
 */
export function buildUrl(
  baseUrl: string,
  op: Operation,
  pathArgs: readonly unknown[],
  params: Params,
  extraQuery?: Params,
  servers?: Record<string, string>,
): string {
  const url = op.target ? op.target.url(op, pathArgs, baseUrl, servers) : fillPath(baseUrl, op, pathArgs, 0);
  if (!op.query && !extraQuery) return url;
  const query = new URLSearchParams();
  for (const name of op.query ?? []) appendQuery(query, op, name, params[name]);
  // What the spec does not describe replaces what it does, so a wrong spec can be worked around.
  for (const name in extraQuery) {
    query.delete(name);
    appendQuery(query, op, name, extraQuery[name]);
  }
  const qs = query.toString();
  // Only a URL given at run time can have a query already (a presigned URL's signature).
  return qs ? url + (url.includes("?") ? "&" : "?") + qs : url;
}

/**
 * Adds a header (lower-cased name), skipping null/undefined. A value with CR,
 * LF, NUL or another control character, or beyond Latin-1, could split the
 * request or make fetch fail with the value (perhaps the token) in its
 * message; a name that is not an HTTP token would fail inside fetch as a
 * (retried) failed send. Both are refused here, as the caller's mistake, with
 * a message that never includes the value: it may be the token.
 */
export function setHeader(headers: Record<string, string>, name: string, value: unknown): void {
  if (absent(value)) return;
  const s = String(value);
  if (!/^[\w!#$%&'*+.^`|~-]+$/.test(name) || /[^\t\x20-\x7e\x80-\xff]/.test(s))
    throw new ArgumentError(`Header ${JSON.stringify(name)} must have a token name and a one-line Latin-1 value`);
  headers[name.toLowerCase()] = s;
}

/**
 * Checks the params keys and builds the body; undefined when the operation
 * sends none. A key that is not a query, header or body key of the operation
 * is an ArgumentError (an open body takes it as a field), as is a missing
 * required field or body. `extra` (the extraBody option) is merged over an
 * object body, and becomes the JSON body of an operation that has none; it
 * cannot extend an array, a scalar or raw bytes, nor give a GET or HEAD a body.
 */
export function buildBody(op: Operation, params: Params, extra?: Params): Body | undefined {
  const { body: mode, fields, query, headers, encoding } = op;
  const given = params.body;
  // A form's fields may instead come whole, as a FormData under `body`.
  const whole = !!encoding?.isWhole?.(given);
  let found: Params | undefined;
  for (const key of Object.keys(params)) {
    const value = params[key];
    if (value === undefined || query?.includes(key) || (headers && Object.hasOwn(headers, key))) continue;
    if (key === "body" && (mode === "body" || whole)) continue;
    if (mode !== "fields" || whole || !(!fields || op.open || fields.includes(key)))
      throw new ArgumentError(
        `Unknown parameter "${key}" for ${opName(op)}${whole ? ` (${encoding!.wholeHint})` : mode === "body" ? " (its body goes under `body`)" : ""}; for what the spec lacks, use the extraQuery or extraBody request option`,
      );
    found ??= {};
    found[key] = value;
  }
  for (const name of op.required ?? [])
    if (params[name] === undefined && extra?.[name] === undefined && !whole)
      throw new ArgumentError(`Missing required field "${name}" for ${opName(op)}`);

  let body = mode === "body" || whole ? given : (found ?? (mode && (op.bodyRequired || extra) ? {} : undefined));
  if (body === undefined && op.bodyRequired && !extra)
    throw new ArgumentError(`${opName(op)} requires a body: pass it as \`body\``);
  if (extra && (!isObject(extra) || /GET|HEAD/.test(op.method) || (body !== undefined && !isObject(body) && !whole)))
    throw new ArgumentError(EXTRA_BODY);
  if (encoding) return encoding.encode(op, body, extra);
  if (extra) body = { ...(body as Params), ...extra };
  return body === undefined ? undefined : JSON.stringify(body);
}
