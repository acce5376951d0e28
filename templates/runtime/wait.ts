// Much of DigitalOcean's work finishes after the response: actions run,
// Droplets boot, clusters provision, deletions complete. Waiting means polling
// through the client's normal request path (so retries and the limiter apply),
// backing off with jitter, and never spending more than the rate budget allows.
import type { Client, RequestOptions } from "./client.js";
import { ArgumentError, NotFoundError } from "./errors.js";
import type { Operation } from "./operation.js";
import { sleep } from "./sleep.js";
import { backoffDelay, rateBudgetDelay } from "./wait-delays.js";
import { WaitError, WaitTimeoutError } from "./wait-errors.js";

export { WaitError, WaitTimeoutError } from "./wait-errors.js";

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
  /** The longest delay between polls, in ms, unless the rate budget needs more. Default 30000. */
  maxDelay?: number | undefined;
  /** Give up with WaitTimeoutError after this many ms. Default 1800000 (30 minutes). */
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

function delayOption(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!(value >= 0)) throw new RangeError(`${name} must be a number of milliseconds >= 0, got ${value}`);
  return value;
}

const show = (state: unknown) => (state === undefined ? "nothing" : JSON.stringify(state));

/**
 * Polls until `condition` holds: resolves with the body that showed a success
 * state (undefined after a 404 when `notFoundIsSuccess`), rejects with
 * WaitError on a failure state, WaitTimeoutError when `maxWait` runs out, the
 * poll's own error (a 404 included, unless it means success), or the signal's
 * reason. The generated `waitUntil…` functions are each one call of this.
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
  const minDelay = delayOption("minDelay", options.minDelay, 1000);
  const maxDelay = Math.max(minDelay, delayOption("maxDelay", options.maxDelay, 30000));
  const maxWait = delayOption("maxWait", options.maxWait, 1800000);
  const { signal, onPoll } = options;
  const label = condition.label ?? `waiting for ${condition.path}`;
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    signal?.throwIfAborted();
    let data: T | undefined;
    let notFound = false;
    try {
      data = await poll({ signal });
    } catch (error) {
      if (!(condition.notFoundIsSuccess && error instanceof NotFoundError)) throw error;
      notFound = true;
    }
    const state = notFound ? undefined : valueAt(data, condition.path);
    const elapsed = Date.now() - started;
    onPoll?.({ attempt, state, data, notFound, elapsed });
    if (notFound || condition.success.includes(state)) return data;
    const details = { state, data, attempts: attempt, elapsed };
    if (condition.failure?.includes(state))
      throw new WaitError(`${label}: ${condition.path} is ${show(state)}`, details);

    const now = Date.now();
    const left = started + maxWait - now;
    // A poll the budget cannot afford before the deadline would only delay the same answer.
    const budget = rateBudgetDelay(client.rateLimit, now);
    if (left <= 0 || budget > left) {
      const why =
        left <= 0 ? ` after ${maxWait} ms` : `: the rate-limit budget allows no poll within maxWait (${maxWait} ms)`;
      throw new WaitTimeoutError(`${label} timed out${why}; last ${condition.path}: ${show(state)}`, details);
    }
    // The last delay is cut short so one final poll lands on the deadline.
    await sleep(Math.max(budget, Math.min(backoffDelay(attempt, minDelay, maxDelay), left)), signal);
  }
}

/** The fields of an action that waiting needs; the generated `Action` model satisfies it. */
export interface WaitableAction {
  id?: number;
  status?: string;
  type?: string;
  started_at?: string;
  completed_at?: string | null;
  resource_id?: number | null;
  resource_type?: string;
  region_slug?: string | null;
}

const getAction: Operation = { method: "GET", path: "/v2/actions/{action_id}" };

function actionOf<A extends WaitableAction>(
  input: A | number | { action?: A | undefined },
): { id: number; action?: A } {
  if (typeof input === "number") return { id: input };
  const action = input && typeof input === "object" && "action" in input ? input.action : (input as A | undefined);
  const id = action?.id;
  if (typeof id !== "number")
    throw new ArgumentError("waitForAction needs an action, an action id, or a response with `action`");
  return { id, action };
}

function erroredAction<A>(label: string, action: A, attempts: number, elapsed: number): WaitError<A> {
  return new WaitError(`${label}: status is "errored"`, { state: "errored", data: action, action, attempts, elapsed });
}

/**
 * Waits for any action (Droplet, image, volume, floating and reserved IP
 * actions alike) by polling `GET /v2/actions/{action_id}` until it leaves
 * `in-progress`. Accepts the action, its id, or a response like `{ action }`.
 * Resolves with the completed action; rejects with WaitError (its `action` set)
 * when the action ends `errored`. An action passed in that has already finished
 * is settled at once, without a request.
 */
export async function waitForAction<A extends WaitableAction = WaitableAction>(
  client: Client,
  actionOrId: A | number | { action?: A | undefined },
  options: WaitOptions<A> = {},
): Promise<A> {
  const { id, action } = actionOf(actionOrId);
  const label = `waitForAction(${id})`;
  if (action?.status === "completed") return action;
  if (action?.status === "errored") throw erroredAction(label, action, 0, 0);
  const poll = async (o: RequestOptions) =>
    (await client.request<{ action?: A }>(getAction, [id], undefined, o)).action;
  let last: WaitPoll<A | undefined> | undefined;
  const onPoll = (p: WaitPoll<A | undefined>) => {
    last = p;
    options.onPoll?.(p as WaitPoll<A>);
  };
  // Both end states stop the poll; an errored one becomes a WaitError carrying the action.
  const done = (await waitUntil(
    client,
    poll,
    { path: "status", success: ["completed", "errored"], label },
    { ...options, onPoll },
  ))!;
  if (done.status === "errored") throw erroredAction(label, done, last!.attempt, last!.elapsed);
  return done;
}
