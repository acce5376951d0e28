// The delay functions alone, over many inputs: backoff never leaves
// [minDelay, maxDelay], and the budget delay spreads what remains until reset.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { backoffDelay, rateBudgetDelay } from "../../templates/runtime/wait-delays.ts";

describe("backoffDelay", () => {
  test("stays within [minDelay, maxDelay] for any attempt and jitter", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 0, max: 60_000 }),
        fc.integer({ min: 0, max: 600_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, min, extra, r) => {
          const d = backoffDelay(attempt, min, min + extra, () => r);
          expect(d).toBeGreaterThanOrEqual(min);
          expect(d).toBeLessThanOrEqual(min + extra);
        },
      ),
    );
  });

  test("reaches maxDelay once doubling passes it, and jitter stays in the upper half", () => {
    expect(backoffDelay(30, 1000, 30_000, () => 0.999999)).toBe(30_000);
    expect(backoffDelay(30, 1000, 30_000, () => 0)).toBe(15_000);
  });
});

describe("rateBudgetDelay", () => {
  const at = (remaining: number, resetMs: number) => ({ limit: 5000, remaining, reset: new Date(resetMs) });
  test("the time to reset divided among the remaining requests, rounded up", () => {
    expect(rateBudgetDelay(at(3, 10_000), 0)).toBe(3334);
    expect(rateBudgetDelay(at(0, 10_000), 0)).toBe(10_000);
  });
  test("nothing to respect without a report, after the reset, or with a garbled one", () => {
    expect(rateBudgetDelay(undefined, 0)).toBe(0);
    expect(rateBudgetDelay(at(0, 10_000), 20_000)).toBe(0);
    expect(rateBudgetDelay({ limit: Number.NaN, remaining: Number.NaN, reset: new Date(Number.NaN) }, 0)).toBe(0);
  });
});
