// Much of DigitalOcean's work finishes after the response: actions run,
// Droplets boot, clusters provision, deletions complete. Waiting means polling
// through the client's normal request path (so retries and the limiter apply),
// backing off with jitter, and never spending more than the rate budget allows.
import type { Client, RequestOptions } from "./client.js";
import { onAbort } from "./abort.js";
import { NotFoundError } from "./errors.js";
import { checkNumber } from "./options.js";
import { sleep } from "./sleep.js";
import { after } from "./timers.js";
import { backoffDelay, rateBudgetDelay } from "./wait-delays.js";
import { type WaitDetails, WaitError, WaitTimeoutError } from "./wait-errors.js";

export { WaitError, WaitTimeoutError } from "./wait-errors.js";

const DEFAULT_MIN_DELAY = 1000;
const DEFAULT_MAX_DELAY = 30_000;
const DEFAULT_MAX_WAIT = 30 * 60_000;

/** What one poll observed, handed to `onPoll`. */
export interface WaitPoll<T> {
  /** 1 for the first poll. */
  attempt: number;
  /** The value at the waited-on field (e.g. `droplet.status`); undefined after a 404. */
  state: unknown;
  /** The response body; undefined after a 404. */
  data: T | undefined;
  /** The poll answered 404 (what a `…Deleted` waiter waits for). */
  notFound: boolean;
  /** Milliseconds since the wait began. */
  elapsed: number;
}

export interface WaitOptions<T = unknown> {
  /** The first delay between polls, in ms; later delays double up to `maxDelay` (with jitter). Default 1000. */
  minDelay?: number | undefined;
  /** The longest delay between polls, in ms, unless the rate budget needs more. Default 30000; Infinity for no cap. */
  maxDelay?: number | undefined;
  /**
   * Give up with WaitTimeoutError after this many ms, even in the middle of a poll (and its retries).
   * Default 1800000 (30 minutes); Infinity waits without limit.
   */
  maxWait?: number | undefined;
  /** Aborts the wait, including a poll in flight or a delay; rejects with the signal's reason. */
  signal?: AbortSignal | undefined;
  /** Called after every poll with what it observed. An exception thrown here ends the wait. */
  onPoll?: ((poll: WaitPoll<T>) => void) | undefined;
}

/** What a waiter polls for: where the state is and which values end the wait. */
export interface WaitCondition {
  /** Dotted path of the state in the response body, e.g. "kubernetes_cluster.status.state". */
  path: string;
  /** States that end the wait successfully. */
  success: readonly unknown[];
  /** States that end the wait with WaitError. */
  failure?: readonly unknown[] | undefined;
  /** A 404 ends the wait successfully (resolving undefined), as a deletion does. */
  notFoundIsSuccess?: boolean | undefined;
  /** Names the wait in error messages, e.g. "waitUntilDropletActive(42)". */
  label?: string | undefined;
}

/** The value at a dotted path, or undefined where the path leaves the object. */
function valueAt(body: unknown, path: string): unknown {
  let value = body;
  for (const key of path.split(".")) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

const show = (state: unknown) => (state === undefined ? "nothing" : JSON.stringify(state));

/** What the wait's own signal is aborted with when maxWait runs out. */
const MAX_WAIT_REACHED: unique symbol = Symbol("maxWait reached");

/** `promise`, or the signal's reason as soon as it aborts: a poll that ignores its signal still cannot outlive the wait. */
const raced = <T>(promise: PromiseLike<T>, signal: AbortSignal): Promise<T> =>
  new Promise((resolve, reject) => {
    const off = onAbort(signal, () => reject(signal.reason));
    Promise.resolve(promise).then(
      (value) => {
        off();
        resolve(value);
      },
      (error: unknown) => {
        off();
        reject(error);
      },
    );
  });

/**
 * Polls until `condition` holds: resolves with the body that showed a success
 * state (undefined after a 404 when `notFoundIsSuccess`), rejects with
 * WaitError on a failure state, WaitTimeoutError when `maxWait` runs out, the
 * poll's own error (a 404 included, unless it means success), or the signal's
 * reason. The generated `waitUntil…` functions are each one call of this.
 *
 * `maxWait` is a hard deadline: a poll still in flight when it comes (with its
 * retries and their backoff) is aborted, and the wait ends in WaitTimeoutError.
 */
export function waitUntil<T>(
  client: Client,
  poll: (options: RequestOptions) => PromiseLike<T>,
  condition: WaitCondition & { notFoundIsSuccess: true },
  options?: WaitOptions<T>,
): Promise<T | undefined>;
export function waitUntil<T>(
  client: Client,
  poll: (options: RequestOptions) => PromiseLike<T>,
  condition: WaitCondition,
  options?: WaitOptions<T>,
): Promise<T>;
export async function waitUntil<T>(
  client: Client,
  poll: (options: RequestOptions) => PromiseLike<T>,
  condition: WaitCondition,
  options: WaitOptions<T> = {},
): Promise<T | undefined> {
  checkNumber("minDelay", options.minDelay, false, false);
  checkNumber("maxDelay", options.maxDelay, false, true);
  checkNumber("maxWait", options.maxWait, false, true);
  const minDelay = options.minDelay ?? DEFAULT_MIN_DELAY;
  const maxDelay = Math.max(minDelay, options.maxDelay ?? DEFAULT_MAX_DELAY);
  const maxWait = options.maxWait ?? DEFAULT_MAX_WAIT;
  const { signal, onPoll } = options;
  signal?.throwIfAborted();
  const label = condition.label ?? `waiting for ${condition.path}`;
  const started = Date.now();
  let last: WaitDetails<T> = { state: undefined, data: undefined, attempts: 0, elapsed: 0 };
  const timedOut = (why = ` after ${maxWait} ms`) =>
    new WaitTimeoutError(`${label} timed out${why}; last ${condition.path}: ${show(last.state)}`, {
      ...last,
      elapsed: Date.now() - started,
    });

  // The wait's own signal, aborted by the caller or at maxWait, whichever comes first.
  const controller = new AbortController();
  const own = controller.signal;
  const off = onAbort(signal, () => controller.abort(signal!.reason));
  const cancel =
    maxWait < Number.POSITIVE_INFINITY ? after(maxWait, () => controller.abort(MAX_WAIT_REACHED)) : () => {};
  /** The reason to end the wait with, once its signal has aborted. */
  const ended = () => (own.reason === MAX_WAIT_REACHED ? timedOut() : own.reason);
  try {
    for (let attempt = 1; ; attempt++) {
      if (own.aborted) throw ended();
      if (Date.now() - started >= maxWait && attempt > 1) throw timedOut();
      last = { ...last, attempts: attempt };
      let data: T | undefined;
      let notFound = false;
      try {
        data = await raced(poll({ signal: own }), own);
      } catch (error) {
        if (own.aborted) throw ended();
        if (!(condition.notFoundIsSuccess && error instanceof NotFoundError)) throw error;
        notFound = true;
      }
      const state = notFound ? undefined : valueAt(data, condition.path);
      const elapsed = Date.now() - started;
      last = { state, data, attempts: attempt, elapsed };
      onPoll?.({ attempt, state, data, notFound, elapsed });
      if (notFound || condition.success.includes(state)) return data;
      if (condition.failure?.includes(state))
        throw new WaitError(`${label}: ${condition.path} is ${show(state)}`, last);

      const now = Date.now();
      const left = started + maxWait - now;
      // A poll the budget cannot afford before the deadline would only delay the same answer.
      const budget = rateBudgetDelay(client.rateLimit, now);
      if (left <= 0) throw timedOut();
      if (budget > left) throw timedOut(`: the rate-limit budget allows no poll within maxWait (${maxWait} ms)`);
      try {
        await sleep(Math.max(budget, Math.min(backoffDelay(attempt, minDelay, maxDelay), left)), own);
      } catch {
        throw ended();
      }
    }
  } finally {
    off();
    cancel();
  }
}
