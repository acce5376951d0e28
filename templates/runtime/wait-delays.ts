// How long a waiter rests between polls, as pure functions of the attempt and
// the last rate-limit report, so the bounds are testable without a clock.
import type { RateLimit } from "./rate-limit.js";

/**
 * The delay after poll number `attempt` (1-based): the ceiling doubles from
 * `minDelay` up to `maxDelay`, and the delay is drawn from its upper half
 * (never below `minDelay`), in whole ms, so waiters started together drift apart.
 */
export function backoffDelay(
  attempt: number,
  minDelay: number,
  maxDelay: number,
  random: () => number = Math.random,
): number {
  // The exponent is capped so that a zero minDelay never meets an infinite factor (0 * Infinity is NaN).
  const ceiling = Math.min(maxDelay, minDelay * 2 ** Math.min(60, Math.max(0, attempt - 1)));
  const floor = Math.min(ceiling, Math.max(minDelay, ceiling / 2));
  return Math.round(floor + random() * (ceiling - floor));
}

/**
 * The least delay that keeps polling within the budget the server last
 * reported: the remaining requests spread evenly until `reset` (all of it when
 * fewer remain than the next poll makes). `requests` is what one poll costs.
 * 0 without a report, or once its reset has passed.
 */
export function rateBudgetDelay(rateLimit: RateLimit | undefined, now: number, requests = 1): number {
  if (!rateLimit) return 0;
  const untilReset = rateLimit.reset.getTime() - now;
  const delay = untilReset * Math.min(1, requests / Math.max(1, rateLimit.remaining));
  // Rounded up: a poll a fraction early would already be too fast.
  return Number.isFinite(delay) && delay > 0 ? Math.ceil(delay) : 0;
}
