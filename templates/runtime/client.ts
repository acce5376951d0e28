// The one HTTP path every generated operation goes through: options, auth,
// the per-attempt timeout, retries, the client-side limiter, hooks and error
// mapping. The generated DigitalOcean class extends Client.
import { APIPromise, PagePromise, type RawResponse } from "./api-promise.js";
import { buildBody, buildUrl, setHeader, type Params } from "./build-request.js";
import {
  ConfigurationError,
  ConnectionError,
  type DigitalOceanError,
  InvalidResponseError,
  TimeoutError,
  errorClass,
} from "./errors.js";
import type { HttpMethod, Operation } from "./operation.js";
import { parseRateLimit, type RateLimit } from "./rate-limit.js";
import { isRefused, isRetryable, retryDelay } from "./retry.js";
import { sleep } from "./sleep.js";

export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

export interface RequestHookInfo {
  method: HttpMethod;
  url: string;
  /** Lower-cased request headers; Authorization reads "Bearer [REDACTED]". */
  headers: Record<string, string>;
  /** 1 for the first attempt, 2 for the first retry, ... */
  attempt: number;
}

export interface ResponseHookInfo extends RequestHookInfo {
  status: number;
  /** Milliseconds from sending until the response body was read. */
  duration: number;
  rateLimit: RateLimit | undefined;
  requestId: string | undefined;
}

export interface ClientOptions {
  /** API token; defaults to the DIGITALOCEAN_TOKEN or DIGITALOCEAN_ACCESS_TOKEN environment variable where there is one. */
  token?: string | undefined;
  /** Default "https://api.digitalocean.com". */
  baseUrl?: string | undefined;
  /** Default: the global fetch. */
  fetch?: Fetch | undefined;
  /** Sent with every request; an undefined value removes a default. */
  headers?: Record<string, string | undefined> | undefined;
  userAgent?: string | undefined;
  /** Milliseconds per attempt (headers and body). Default 60000; 0 disables. */
  timeout?: number | undefined;
  /** Default 2. */
  maxRetries?: number | undefined;
  /** Longest single wait before a retry, in ms. Default 60000. A server asking for longer gets its error thrown instead. */
  maxRetryDelay?: number | undefined;
  /** Opt-in client-side limiter: at most this many requests in any sliding minute. */
  maxRequestsPerMinute?: number | undefined;
  onRequest?: ((info: RequestHookInfo) => void) | undefined;
  onResponse?: ((info: ResponseHookInfo) => void) | undefined;
}

export interface RequestOptions extends ClientOptions {
  signal?: AbortSignal | undefined;
}

function envToken(): string | undefined {
  try {
    // Browsers have no process; Deno throws here without --allow-env.
    const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
    return env?.DIGITALOCEAN_TOKEN || env?.DIGITALOCEAN_ACCESS_TOKEN || undefined;
  } catch {
    return undefined;
  }
}

const defined = <O extends object>(o: O = {} as O): Partial<O> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<O>;

export class Client {
  /** The rate-limit budget reported by the most recent response that carried one. */
  rateLimit?: RateLimit;
  // Private fields keep the token out of util.inspect, JSON.stringify and errors.
  readonly #options: ClientOptions;
  /** Send times within the last minute, oldest first, for the limiter. */
  readonly #sent: number[] = [];

  constructor(options: ClientOptions = {}) {
    this.#options = { ...defined(options), token: options.token || envToken() };
  }

  request<T>(
    op: Operation,
    pathArgs: readonly unknown[],
    params: object | undefined,
    options?: RequestOptions,
  ): APIPromise<T> {
    return new APIPromise(this.#send<T>(op, pathArgs, params, options));
  }

  paginate<T, Item>(
    op: Operation,
    pathArgs: readonly unknown[],
    params: object | undefined,
    options?: RequestOptions,
  ): PagePromise<T, Item> {
    const p = params as Params | undefined;
    return new PagePromise<T, Item>(
      this.#send<T>(op, pathArgs, params, options),
      (page) => this.#send<T>(op, pathArgs, { ...p, page }, options),
      op.items ?? "",
      Number(p?.page) || 1,
    );
  }

  async #limit(max: number, signal: AbortSignal | undefined): Promise<void> {
    for (const sent = this.#sent; ; ) {
      const now = Date.now();
      while (sent.length && sent[0]! <= now - 60000) sent.shift();
      if (sent.length < max) return void sent.push(now);
      await sleep(sent[sent.length - max]! + 60000 - now, signal);
    }
  }

  async #send<T>(
    op: Operation,
    pathArgs: readonly unknown[],
    params: object | undefined,
    options?: RequestOptions,
  ): Promise<RawResponse<T>> {
    const o: RequestOptions = { ...this.#options, ...defined(options) };
    const { method } = op;
    const { signal } = o;
    const p = (params ?? {}) as Params;
    const url = buildUrl(o.baseUrl ?? "https://api.digitalocean.com", op, pathArgs, p);
    const body = buildBody(op, p);
    if (!o.token) throw new ConfigurationError("No API token: pass `token` or set DIGITALOCEAN_TOKEN");
    const doFetch = o.fetch ?? globalThis.fetch;
    if (!doFetch) throw new ConfigurationError("No fetch available: pass `fetch`");

    const headers: Record<string, string> = {};
    setHeader(headers, "accept", op.accept ?? "application/json");
    setHeader(headers, "user-agent", o.userAgent);
    for (const [k, v] of Object.entries({ ...this.#options.headers, ...options?.headers }))
      v === undefined ? delete headers[k.toLowerCase()] : setHeader(headers, k, v);
    for (const [k, name] of Object.entries(op.headers ?? {})) setHeader(headers, name, p[k]);
    if (body !== undefined) setHeader(headers, "content-type", "application/json");
    setHeader(headers, "authorization", "Bearer " + o.token);
    // What hooks see: built only when there is a hook, with the token redacted.
    const hooked = o.onRequest || o.onResponse;
    const info = hooked ? { method, url, headers: { ...headers, authorization: "Bearer [REDACTED]" } } : undefined;

    for (let attempt = 1; ; attempt++) {
      signal?.throwIfAborted();
      if (o.maxRequestsPerMinute) await this.#limit(o.maxRequestsPerMinute, signal);
      if (info) o.onRequest?.({ ...info, attempt });
      const started = Date.now();
      // A signal costs fetch real CPU, so one is made only for a timeout; without
      // one the caller's signal (or none) goes straight to fetch.
      const ms = o.timeout ?? 60000;
      let timedOut = false;
      let fetchSignal = signal;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let onAbort: (() => void) | undefined;
      if (ms > 0 && ms < 2 ** 31) {
        const controller = new AbortController();
        onAbort = () => controller.abort(signal?.reason);
        signal?.addEventListener("abort", onAbort);
        timer = setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, ms);
        fetchSignal = controller.signal;
      }
      // Only transport work sits in this try: a failure here means no usable response.
      let res: Response | undefined;
      let payload: string | ArrayBuffer = "";
      let failure: unknown;
      try {
        res = await doFetch(url, { method, headers, body: body ?? null, signal: fetchSignal ?? null });
        payload = await (res.ok && op.response === "binary" ? res.arrayBuffer() : res.text());
      } catch (e) {
        if (signal?.aborted) throw signal.reason;
        res = undefined;
        failure = e;
      } finally {
        clearTimeout(timer);
        if (onAbort) signal?.removeEventListener("abort", onAbort);
      }
      let error: DigitalOceanError;
      if (res) {
        const rateLimit = parseRateLimit(res.headers);
        if (rateLimit) this.rateLimit = rateLimit;
        const requestId = res.headers.get("x-request-id") ?? undefined;
        if (info)
          o.onResponse?.({
            ...info,
            attempt,
            status: res.status,
            duration: Date.now() - started,
            rateLimit,
            requestId,
          });
        if (res.ok) return { data: parseBody(res, op, payload) as T, response: res, rateLimit, requestId };
        error = responseError(res, String(payload), rateLimit);
      } else
        error = timedOut
          ? new TimeoutError(`${method} ${url} timed out after ${ms} ms`)
          : new ConnectionError(`${method} ${url} failed: ${(failure as Error)?.message}`, { cause: failure });
      if (attempt > (o.maxRetries ?? 2) || !isRetryable(method, res?.status, !res && !timedOut && isRefused(failure)))
        throw error;
      const delay = retryDelay(res?.status, res?.headers, attempt - 1, o.maxRetryDelay ?? 60000);
      if (delay === undefined) throw error;
      await sleep(delay, signal);
    }
  }
}

function parseBody(res: Response, op: Operation, payload: string | ArrayBuffer): unknown {
  const kind = op.response ?? "json";
  if (kind === "binary" || kind === "text") return payload;
  if (kind === "none" || !payload) return undefined;
  try {
    return JSON.parse(payload as string);
  } catch {
    throw new InvalidResponseError(`Response body is not valid JSON (${res.status}): ${snippet(payload as string)}`, {
      status: res.status,
      requestId: res.headers.get("x-request-id") ?? undefined,
    });
  }
}

const snippet = (text: string) => {
  const s = text.replace(/\s+/g, " ").trim();
  return s.length > 200 ? s.slice(0, 200) + "…" : s;
};

function responseError(res: Response, text: string, rateLimit: RateLimit | undefined): DigitalOceanError {
  let body: { id?: unknown; message?: unknown; request_id?: unknown } = {};
  try {
    body = Object(JSON.parse(text));
  } catch {
    // Not JSON (a proxy's HTML page, plain text): the snippet below carries it.
  }
  const headers: Record<string, string> = {};
  res.headers.forEach((v, k) => {
    headers[k] = v;
  });
  const str = (v: unknown) => (typeof v === "string" && v ? v : undefined);
  return new (errorClass(res.status))(
    str(body.message) ?? `${res.status} ${res.statusText}${text ? ": " + snippet(text) : ""}`.trim(),
    {
      status: res.status,
      id: str(body.id),
      requestId: str(body.request_id) ?? headers["x-request-id"],
      headers,
      rateLimit,
    },
  );
}
