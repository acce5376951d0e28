// The one HTTP path every generated operation goes through. A call is
// prepared once (prepare.ts), then attempted (attempt.ts, with its timeout),
// and after each failed attempt the retry policy (retry.ts) decides whether
// and when to try again. The generated DigitalOcean class extends Client.
import { APIPromise, PagePromise, type RawResponse } from "./api-promise.js";
import { attempt, type Received } from "./attempt.js";
import type { Params } from "./build-request.js";
import { Deadlines } from "./deadlines.js";
import { DigitalOceanError } from "./errors.js";
import { Limiter } from "./limiter.js";
import { DEBUG, ERROR, INFO, log, logVerbosity, WARN } from "./log.js";
import type { Operation } from "./operation.js";
import {
  checkBaseUrl,
  checkOptions,
  type ClientOptions,
  DEFAULT_MAX_PAGES,
  DEFAULT_MAX_RETRIES,
  DEFAULT_MAX_RETRY_DELAY,
  DEFAULT_TIMEOUT,
  env,
  type RequestOptions,
} from "./options.js";
import { type Call, prepare } from "./prepare.js";
import { parseRateLimit, type RateLimit } from "./rate-limit.js";
import { parseBody, responseError, transportError } from "./responses.js";
import { isRefused, isRetryable, retryDelay } from "./retry.js";
import { sleep } from "./sleep.js";

export type { ClientOptions, Fetch, RequestHookInfo, RequestOptions, ResponseHookInfo } from "./options.js";

/** An attempt that did not succeed: its error, and what the retry policy needs to know about it. */
interface Failure {
  error: DigitalOceanError;
  response?: Response | undefined;
  /** The connection was refused, so nothing was sent. */
  refused?: boolean;
  /** Never retried (a redirect not followed, a malformed success body). */
  final?: boolean;
}

export class Client {
  /** The rate-limit budget reported by the most recent response that carried one. */
  rateLimit?: RateLimit;
  // Private fields keep the token out of util.inspect, JSON.stringify and errors.
  readonly #options: ClientOptions;
  readonly #verbosity: number;
  readonly #limiter = new Limiter();
  readonly #deadlines = new Deadlines();

  constructor(options: ClientOptions = {}) {
    checkOptions(options);
    const level = options.logLevel ?? env("DIGITALOCEAN_LOG");
    this.#verbosity = level ? logVerbosity(level, options.logLevel ? "logLevel" : "DIGITALOCEAN_LOG") : 0;
    this.#options = {
      ...options,
      headers: { ...options.headers },
      baseUrl: options.baseUrl === undefined ? undefined : checkBaseUrl(options.baseUrl),
      token: options.token || env("DIGITALOCEAN_TOKEN") || env("DIGITALOCEAN_ACCESS_TOKEN"),
    };
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
      options?.maxPages ?? this.#options.maxPages ?? DEFAULT_MAX_PAGES,
    );
  }

  /** A call: step 1 prepares it, then each attempt (step 2) is followed by the retry decision (step 3). */
  async #send<T>(
    op: Operation,
    pathArgs: readonly unknown[],
    params: object | undefined,
    options: RequestOptions | undefined,
  ): Promise<RawResponse<T>> {
    const call = prepare(this.#options, this.#verbosity, op, pathArgs, params, options);
    for (let n = 1; ; n++) {
      const outcome = await this.#attempt<T>(call, n);
      if (!("error" in outcome)) return outcome;
      const { error } = outcome;
      const delay = decideRetry(call, outcome, n);
      const why = `${error.name}: ${error.message}`;
      if (delay === undefined) {
        log(call, ERROR, why);
        throw error;
      }
      log(call, WARN, `retry ${n} in ${Math.round(delay)} ms after ${why}`);
      await sleep(delay, call.options.signal);
    }
  }

  /** Step 2: one attempt, from the limiter's queue to the parsed body; resolves with the data or with a Failure. */
  async #attempt<T>(call: Call, n: number): Promise<RawResponse<T> | Failure> {
    const { options: o, view, method, url } = call;
    const { signal, maxRequestsPerMinute: max } = o;
    signal?.throwIfAborted();
    if (max && max < Number.POSITIVE_INFINITY) await this.#limiter.take(max, signal);
    if (view) {
      o.onRequest?.({ ...view, attempt: n });
      log(call, DEBUG, `${method} ${url} (attempt ${n})`, view);
      // A hook may abort the call: then this attempt is not sent either.
      signal?.throwIfAborted();
    }
    const started = Date.now();
    const timeout = o.timeout ?? DEFAULT_TIMEOUT;
    let received: Received;
    try {
      received = await attempt(call, timeout, this.#deadlines, signal);
    } catch (failure) {
      if (signal?.aborted) throw signal.reason;
      // A RedirectError: the server's own answer, never retried.
      if (failure instanceof DigitalOceanError) return { error: failure, final: true };
      return { error: transportError(call, failure, timeout), refused: isRefused(failure) };
    }
    const { response, payload } = received;
    const { status, headers } = response;
    const rateLimit = parseRateLimit(headers);
    if (rateLimit) this.rateLimit = rateLimit;
    const requestId = headers.get("x-request-id") ?? undefined;
    if (view) {
      const duration = Date.now() - started;
      o.onResponse?.({ ...view, attempt: n, status, duration, rateLimit, requestId });
      log(
        call,
        INFO,
        `${status} ${method} ${url} in ${duration} ms (attempt ${n}${requestId ? ", request id " + requestId : ""})`,
      );
    }
    if (!response.ok) return { error: responseError(call, response, payload as string, rateLimit), response };
    try {
      return { data: parseBody(call, response, payload, requestId) as T, response, rateLimit, requestId };
    } catch (error) {
      return { error: error as DigitalOceanError, final: true };
    }
  }
}

/** Step 3: whether to try again after a failed attempt, and after how many ms; undefined to give up. */
function decideRetry(call: Call, failure: Failure, n: number): number | undefined {
  const { options: o } = call;
  const status = failure.response?.status;
  if (
    failure.final ||
    n > (o.maxRetries ?? DEFAULT_MAX_RETRIES) ||
    !isRetryable(call.method, status, !!failure.refused)
  )
    return undefined;
  return retryDelay(status, failure.response?.headers, n - 1, o.maxRetryDelay ?? DEFAULT_MAX_RETRY_DELAY);
}
