// Turns an Operation plus the caller's arguments into URL, headers and body.
// This is where untrusted values meet the wire, so it is also where they are
// checked: a path argument fills exactly one segment, a header one line.
import { ArgumentError } from "./errors.js";
import type { Operation } from "./operation.js";

export type Params = Record<string, unknown>;

export function buildUrl(baseUrl: string, op: Operation, pathArgs: readonly unknown[], params: Params): string {
  let i = 0;
  const path = op.path.replace(/\{([^}]*)\}/g, (_, name: string) => {
    const v = pathArgs[i++];
    try {
      // "." and ".." survive encodeURIComponent and would move the request up the path.
      if ((typeof v === "string" || typeof v === "number") && v !== "" && v !== "." && v !== "..")
        return encodeURIComponent(v);
    } catch {
      // A lone surrogate: not encodable, so refused like any other unusable value.
    }
    throw new ArgumentError(
      `Path parameter "${name}" must be a number or a non-empty, well-formed string other than "." and ".."`,
    );
  });
  const query = new URLSearchParams();
  for (const key of op.query ?? []) for (const v of [params[key]].flat()) if (v != null) query.append(key, String(v));
  const qs = query.toString();
  return baseUrl.replace(/\/+$/, "") + path + (qs ? "?" + qs : "");
}

/**
 * Adds a header (lower-cased name), skipping null/undefined. CR or LF in a
 * value would split the request; a name that is not an HTTP token would fail
 * inside fetch as a (retried) failed send rather than as the caller's mistake.
 * The message never includes the value: it may be the token.
 */
export function setHeader(headers: Record<string, string>, name: string, value: unknown): void {
  if (value == null) return;
  const s = String(value);
  if (!/^[\w!#$%&'*+.^`|~-]+$/.test(name) || /[\r\n]/.test(s))
    throw new ArgumentError(`Header ${JSON.stringify(name)} must have a token name and no CR or LF in its value`);
  headers[name.toLowerCase()] = s;
}

/** The JSON body text, or undefined when the operation sends none. */
export function buildBody(op: Operation, params: Params): string | undefined {
  if (op.body === "body") return params.body === undefined ? undefined : JSON.stringify(params.body);
  if (!op.body) return undefined;
  const elsewhere = [...(op.query ?? []), ...Object.keys(op.headers ?? {})];
  const fields = Object.entries(params).filter(([k, v]) => v !== undefined && !elsewhere.includes(k));
  return fields.length || op.bodyRequired ? JSON.stringify(Object.fromEntries(fields)) : undefined;
}
