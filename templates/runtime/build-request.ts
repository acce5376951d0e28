// Turns an Operation plus the caller's arguments into URL, headers and body.
// This is where untrusted values meet the wire, so it is also where they are
// checked: a path argument fills exactly one segment, a header one line, and
// a query value is a scalar (an object only where the spec says how to send it).
import { ArgumentError } from "./errors.js";
import type { Operation } from "./operation.js";

export type Params = Record<string, unknown>;

/** null and undefined: values that are left out. */
const absent = (value: unknown): value is null | undefined => value === null || value === undefined;

/** A plain object: what a JSON object body, extraBody and a deepObject value are. */
const isObject = (v: unknown): v is Params =>
  typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date);

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

export function buildUrl(
  baseUrl: string,
  op: Operation,
  pathArgs: readonly unknown[],
  params: Params,
  extraQuery?: Params,
): string {
  let parts = templates.get(op.path);
  if (!parts) {
    parts = op.path.split(/\{([^}]*)\}/);
    templates.set(op.path, parts);
  }
  let url = baseUrl.replace(/\/+$/, "") + parts[0];
  for (let i = 1; i < parts.length; i += 2) url += segment(parts[i]!, pathArgs[(i - 1) / 2]) + parts[i + 1];
  if (!op.query && !extraQuery) return url;
  const query = new URLSearchParams();
  for (const name of op.query ?? []) appendQuery(query, op, name, params[name]);
  // What the spec does not describe replaces what it does, so a wrong spec can be worked around.
  for (const name in extraQuery) {
    query.delete(name);
    appendQuery(query, op, name, extraQuery[name]);
  }
  const qs = query.toString();
  return qs ? url + "?" + qs : url;
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
 * The JSON body text, or undefined when the operation sends none. `extra`
 * (the extraBody option) is merged over an object body, and becomes the body
 * of an operation that has none; it cannot extend an array or a scalar body,
 * nor give a GET or HEAD one.
 */
export function buildBody(op: Operation, params: Params, extra?: Params): string | undefined {
  let body: unknown;
  if (op.body === "body") body = params.body;
  else if (op.body) {
    const elsewhere = [...(op.query ?? []), ...Object.keys(op.headers ?? {})];
    const fields = Object.entries(params).filter(([k, v]) => v !== undefined && !elsewhere.includes(k));
    if (fields.length || op.bodyRequired || extra) body = Object.fromEntries(fields);
  }
  if (extra) {
    if (!isObject(extra) || (body !== undefined && !isObject(body)) || /GET|HEAD/.test(op.method))
      throw new ArgumentError("`extraBody` must be an object, for a JSON object body or a request without one");
    body = { ...(body as Params), ...extra };
  }
  return body === undefined ? undefined : JSON.stringify(body);
}
