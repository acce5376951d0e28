// The retry policy as pure functions: which failures may be sent again, and
// how long to wait first. Kept apart from fetch so every rule is testable alone.
import type { HttpMethod } from "./operation.js";

/** Statuses worth another try for an idempotent request: the server or a proxy was briefly unable. */
const TRANSIENT_STATUSES = [408, 500, 502, 503, 504];
/** Exponential backoff: the first wait, and the longest. */
const BACKOFF_FIRST = 500;
const BACKOFF_MAX = 8000;
/** Up to this share of a backoff delay is taken off at random, so clients that failed together drift apart. */
const JITTER = 0.25;

/**
 * Whether a failed attempt may be sent again. `status` is undefined when no
 * response came (connection error or timeout). POST and PATCH are not
 * idempotent, so they are re-sent only when the server certainly did not act:
 * a 429, or a connection refused before anything was sent.
 */
export function isRetryable(method: HttpMethod, status: number | undefined, refused: boolean): boolean {
  if (status === 429 || refused) return true;
  if (method === "POST" || method === "PATCH") return false;
  return status === undefined || TRANSIENT_STATUSES.includes(status);
}

/** A fetch failure that happened before the request left: undici puts the code on `cause`, Bun on the error. */
export function isRefused(error: unknown): boolean {
  const e = error as { code?: unknown; cause?: { code?: unknown } } | null | undefined;
  return /^(ECONNREFUSED|ConnectionRefused)$/.test(String(e?.cause?.code ?? e?.code));
}

/**
 * Milliseconds to wait before retry number `attempt` (0-based), or undefined
 * when the server demands a longer wait than `max` (then the caller gives up).
 * Order: Retry-After (seconds or HTTP date); on a 429, ratelimit-reset when it
 * is within `max`; otherwise exponential backoff 0.5 s x 2^attempt, capped at
 * 8 s and at `max`, with up to 25% jitter taken off.
 */
export function retryDelay(
  status: number | undefined,
  headers: Headers | undefined,
  attempt: number,
  max: number,
  random: () => number = Math.random,
  now: number = Date.now(),
): number | undefined {
  const after = headers?.get("retry-after")?.trim();
  if (after) {
    let ms = Number(after) * 1000;
    if (Number.isNaN(ms)) ms = Date.parse(after) - now;
    if (Number.isFinite(ms)) return ms > max ? undefined : Math.max(0, ms);
  }
  const reset = headers?.get("ratelimit-reset");
  const untilReset = Number(reset) * 1000 - now;
  if (status === 429 && reset && untilReset > 0 && untilReset <= max) return untilReset;
  return Math.min(max, BACKOFF_MAX, BACKOFF_FIRST * 2 ** attempt) * (1 - random() * JITTER);
}
