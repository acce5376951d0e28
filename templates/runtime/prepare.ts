// Step 1 of a call: everything that can be decided before sending. Options
// are merged and checked, the URL, headers and body built, the credential
// chosen, and every mistake (a bad option, argument, header or credential)
// thrown now, before any request.
import { type Body, buildBody, buildUrl, opName, type Params, setHeader } from "./build-request.js";
import { ConfigurationError } from "./errors.js";
import { logVerbosity } from "./log.js";
import type { HttpMethod, Operation, StreamReader } from "./operation.js";
import { checkOptions, type ClientOptions, DEFAULT_BASE_URL, type Fetch, type RequestOptions } from "./options.js";
import { userAgent } from "./user-agent.js";

/** A call ready to send: what every attempt needs. Internal: it holds the credentials. */
export interface Call {
  op: Operation;
  method: HttpMethod;
  /** Where the request goes. */
  url: string;
  /** The URL as errors, hooks and logs show it: a run-time target's query (a presigned signature) reads [REDACTED]. */
  shown: string;
  headers: Record<string, string>;
  body: Body | undefined;
  /** The body is a ReadableStream: it can be sent once only, so the call is never retried. */
  streamed: boolean;
  /** Read a success body as bytes (an ArrayBuffer) rather than text. */
  binary: boolean;
  /** Set when the call asked for text/event-stream: reads the success body as a Stream. */
  stream: StreamReader | undefined;
  options: RequestOptions;
  fetch: Fetch;
  /** Log verbosity (0 = off). */
  verbosity: number;
  /** What hooks and debug logs see: the request with secrets redacted; only built when something looks. */
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
  return merged;
}

/**
 * The credential the operation sends, and a ConfigurationError when it is
 * missing or the API token would leave the API's origin.
 */
function credential(op: Operation, options: RequestOptions, url: string): string | undefined {
  const { auth } = op;
  if (auth === null) return undefined;
  if (auth === "modelAccessKey") {
    if (options.modelAccessKey) return options.modelAccessKey;
    throw new ConfigurationError("No model access key: pass `modelAccessKey` or set DIGITALOCEAN_MODEL_ACCESS_KEY");
  }
  if (!options.token) throw new ConfigurationError("No API token: pass `token` or set DIGITALOCEAN_TOKEN");
  // An operation with a target of its own may point anywhere: the token only ever goes to the API's origin.
  if ((op.server || op.url) && new URL(url).origin !== new URL(options.baseUrl ?? DEFAULT_BASE_URL).origin)
    throw new ConfigurationError(`${opName(op)} would send the API token to another origin than the API's`);
  return options.token;
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
  const url = buildUrl(options.baseUrl ?? DEFAULT_BASE_URL, op, pathArgs, p, options.extraQuery, options.servers);
  const body = buildBody(op, p, options.extraBody);
  const secret = credential(op, options, url);
  const fetch = options.fetch ?? globalThis.fetch;
  if (!fetch) throw new ConfigurationError("No fetch available: pass `fetch`");
  if (callOptions?.logLevel) verbosity = logVerbosity(callOptions.logLevel, "logLevel");
  const stream = op.stream && p.stream === true ? op.stream : undefined;
  // A presigned URL's query is its signature: errors, hooks and logs never see it.
  const query = op.url ? url.indexOf("?") : -1;
  const shown = query < 0 ? url : url.slice(0, query) + "?[REDACTED]";

  // The common call (no options of its own, JSON, no header parameters, no body, the API token) sends
  // the client's own headers, built once: that saves work on every request.
  const plain = !callOptions && !op.accept && !op.headers && body === undefined && op.auth === undefined;
  const built = plain ? shared.get(client) : undefined;
  // A copy each call: a custom fetch may add to the headers it is given.
  let headers = built && { ...built };
  if (!headers) {
    headers = {};
    setHeader(headers, "accept", stream ? "text/event-stream" : (op.accept ?? "application/json"));
    setHeader(headers, "user-agent", userAgent(options.userAgent));
    // JSON unless the operation says otherwise; a FormData gets its boundary from fetch. A caller's header wins.
    if (body !== undefined)
      setHeader(headers, "content-type", op.encoding ? op.encoding.type : (op.contentType ?? "application/json"));
    for (const extra of [client.headers, callOptions?.headers])
      for (const k in extra) {
        const v = extra[k];
        v === undefined ? delete headers[k.toLowerCase()] : setHeader(headers, k, v);
      }
    for (const [k, name] of Object.entries(op.headers ?? {})) setHeader(headers, name, p[k]);
    // No credential (a presigned URL) means no Authorization header at all, whoever set one.
    if (secret === undefined) delete headers.authorization;
    else setHeader(headers, "authorization", "Bearer " + secret);
    if (plain) shared.set(client, { ...headers });
  }

  const view =
    options.onRequest || options.onResponse || verbosity
      ? { method, url: shown, headers: redacted(headers) }
      : undefined;
  return {
    op,
    method,
    url,
    shown,
    headers,
    body,
    streamed: body instanceof ReadableStream,
    binary: op.response === "binary",
    stream,
    options,
    fetch,
    verbosity,
    view,
  };
}

/**
 * What messages built from what a server or fetch said must never contain:
 * the credentials, and a run-time target's query (a presigned URL's signature),
 * whole and each value long enough to be a secret, as sent and decoded, since
 * a server may echo one part of it.
 */
export function secretsOf({ options, url, shown }: Call): (string | undefined)[] {
  const secrets = [options.token, options.modelAccessKey];
  if (url === shown) return secrets;
  const query = url.slice(url.indexOf("?"));
  secrets.push(query);
  for (const pair of query.slice(1).split("&")) {
    const value = pair.slice(pair.indexOf("=") + 1);
    if (value.length < 8) continue;
    secrets.push(value);
    try {
      secrets.push(decodeURIComponent(value.replace(/\+/g, " ")));
    } catch {
      // Not percent-encoded text: the value as sent is covered.
    }
  }
  return secrets;
}
