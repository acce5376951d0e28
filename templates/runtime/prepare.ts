// Step 1 of a call: everything that can be decided before sending. Options
// are merged and checked, the URL, headers and body built, and every mistake
// (a bad option, argument, header or token) thrown now, before any request.
import { buildBody, buildUrl, type Params, setHeader } from "./build-request.js";
import { ConfigurationError } from "./errors.js";
import { logVerbosity } from "./log.js";
import type { HttpMethod, Operation } from "./operation.js";
import {
  checkBaseUrl,
  checkOptions,
  type ClientOptions,
  DEFAULT_BASE_URL,
  type Fetch,
  type RequestOptions,
} from "./options.js";
import { userAgent } from "./user-agent.js";

/** A call ready to send: what every attempt needs. Internal: it holds the token. */
export interface Call {
  op: Operation;
  method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
  /** Read a success body as bytes (an ArrayBuffer) rather than text. */
  binary: boolean;
  options: RequestOptions;
  fetch: Fetch;
  token: string;
  /** Log verbosity (0 = off). */
  verbosity: number;
  /** What hooks and debug logs see: the request with Authorization redacted; only built when something looks. */
  view: { method: HttpMethod; url: string; headers: Record<string, string> } | undefined;
}

/** Header names that carry credentials: never shown to hooks or logs. */
const SECRET_HEADER = /authorization|cookie|token|secret|password|key/;

/** The headers as hooks and logs see them: `Bearer [REDACTED]`, and `[REDACTED]` for any other secret. */
function redacted(headers: Record<string, string>): Record<string, string> {
  const shown: Record<string, string> = {};
  for (const name in headers)
    shown[name] =
      name === "authorization" ? "Bearer [REDACTED]" : SECRET_HEADER.test(name) ? "[REDACTED]" : headers[name]!;
  return shown;
}

/** Each client's headers for the common call, keyed by its options object. */
const shared = new WeakMap<ClientOptions, Record<string, string>>();

/** The client's options with a call's defined ones over them, checked. */
function merge(client: ClientOptions, call: RequestOptions | undefined): RequestOptions {
  if (!call) return client;
  checkOptions(call);
  const merged: RequestOptions = { ...client };
  for (const key in call) {
    const value = call[key as keyof RequestOptions];
    if (value !== undefined) Object.assign(merged, { [key]: value });
  }
  if (merged.baseUrl !== client.baseUrl) checkBaseUrl(merged.baseUrl!);
  return merged;
}

export function prepare(
  client: ClientOptions,
  verbosity: number,
  op: Operation,
  pathArgs: readonly unknown[],
  params: object | undefined,
  callOptions: RequestOptions | undefined,
): Call {
  const options = merge(client, callOptions);
  const { method } = op;
  const p = (params ?? {}) as Params;
  const url = buildUrl(options.baseUrl ?? DEFAULT_BASE_URL, op, pathArgs, p, options.extraQuery);
  const body = buildBody(op, p, options.extraBody);
  const token = options.token;
  if (!token) throw new ConfigurationError("No API token: pass `token` or set DIGITALOCEAN_TOKEN");
  const fetch = options.fetch ?? globalThis.fetch;
  if (!fetch) throw new ConfigurationError("No fetch available: pass `fetch`");
  if (callOptions?.logLevel) verbosity = logVerbosity(callOptions.logLevel, "logLevel");

  // The common call (no options of its own, JSON, no header parameters, no body) sends the client's
  // own headers, built once: that saves work on every request.
  const plain = !callOptions && !op.accept && !op.headers && body === undefined;
  const built = plain ? shared.get(client) : undefined;
  // A copy each call: a custom fetch may add to the headers it is given.
  let headers = built && { ...built };
  if (!headers) {
    headers = {};
    setHeader(headers, "accept", op.accept ?? "application/json");
    setHeader(headers, "user-agent", userAgent(options.userAgent));
    for (const extra of [client.headers, callOptions?.headers])
      for (const k in extra) {
        const v = extra[k];
        v === undefined ? delete headers[k.toLowerCase()] : setHeader(headers, k, v);
      }
    for (const [k, name] of Object.entries(op.headers ?? {})) setHeader(headers, name, p[k]);
    if (body !== undefined) setHeader(headers, "content-type", "application/json");
    setHeader(headers, "authorization", "Bearer " + token);
    if (plain) shared.set(client, { ...headers });
  }

  const view =
    options.onRequest || options.onResponse || verbosity ? { method, url, headers: redacted(headers) } : undefined;
  return { op, method, url, headers, body, binary: op.response === "binary", options, fetch, token, verbosity, view };
}
