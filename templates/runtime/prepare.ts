// Step 1 of a call: everything that can be decided before sending. Options
// are merged and checked, the URL, headers and body built, the credential
// chosen, and every mistake (a bad option, argument, header or credential)
// thrown now, before any request.
import { type Body, buildBody, buildUrl, type Params, setHeader } from "./build-request.js";
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

/** The credential the operation sends, and a ConfigurationError when it is missing. */
function credential({ auth = "token" }: Operation, options: RequestOptions): string | undefined {
  if (auth === null) return undefined;
  const token = auth === "token";
  const secret = options[auth];
  if (!secret)
    throw new ConfigurationError(
      `No ${token ? "API token" : "model access key"}: pass \`${auth}\` or set DIGITALOCEAN_${token ? "TOKEN" : "MODEL_ACCESS_KEY"}`,
    );
  return secret;
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
  const secret = credential(op, options);
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
 * the credentials, and what of a run-time target's URL is a secret (its query).
 */
export const secretsOf = ({ op, options, url, shown }: Call): (string | undefined)[] => [
  options.token,
  options.modelAccessKey,
  ...(url === shown ? [] : (op.target?.secrets?.(url) ?? [])),
];
