// The retry policy as pure functions: which failures are retried for which
// method, and how long each wait is.
import { describe, expect, test } from "vitest";
import type { HttpMethod } from "../../templates/runtime/index.ts";
import { isRefused, isRetryable, retryDelay } from "../../templates/runtime/retry.ts";

const NOW = Date.UTC(2030, 0, 1, 12, 0, 0);
const MAX = 60_000;
const h = (headers: Record<string, string>) => new Headers(headers);
const noJitter = () => 0;

describe("isRetryable", () => {
  const idempotent: HttpMethod[] = ["GET", "HEAD", "PUT", "DELETE"];
  const unsafe: HttpMethod[] = ["POST", "PATCH"];

  test.each(idempotent)("%s: connection errors, 408, 429, 500, 502, 503, 504", (m) => {
    for (const s of [undefined, 408, 429, 500, 502, 503, 504]) expect(isRetryable(m, s, false)).toBe(true);
    for (const s of [400, 401, 403, 404, 409, 422, 501, 505]) expect(isRetryable(m, s, false)).toBe(false);
  });

  test.each(unsafe)("%s: only 429 and a refused connection", (m) => {
    expect(isRetryable(m, 429, false)).toBe(true);
    expect(isRetryable(m, undefined, true)).toBe(true);
    for (const s of [undefined, 408, 500, 502, 503, 504, 400]) expect(isRetryable(m, s, false)).toBe(false);
  });
});

describe("isRefused", () => {
  test("undici's cause code and Bun's code mean refused; anything else may have been sent", () => {
    expect(isRefused(Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } }))).toBe(true);
    expect(isRefused(Object.assign(new Error("Unable to connect"), { code: "ConnectionRefused" }))).toBe(true);
    expect(isRefused(Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNRESET" } }))).toBe(false);
    expect(isRefused(new TypeError("Failed to fetch"))).toBe(false);
    expect(isRefused(undefined)).toBe(false);
  });
});

describe("retryDelay", () => {
  test("Retry-After in seconds", () => {
    expect(retryDelay(429, h({ "retry-after": "3" }), 0, MAX, noJitter, NOW)).toBe(3000);
    expect(retryDelay(503, h({ "retry-after": "0" }), 1, MAX, noJitter, NOW)).toBe(0);
  });

  test("Retry-After as an HTTP date, a past date meaning now", () => {
    expect(retryDelay(503, h({ "retry-after": new Date(NOW + 7000).toUTCString() }), 0, MAX, noJitter, NOW)).toBe(7000);
    expect(retryDelay(503, h({ "retry-after": new Date(NOW - 7000).toUTCString() }), 0, MAX, noJitter, NOW)).toBe(0);
  });

  test("a demanded wait longer than the cap means give up (undefined); the cap itself is allowed", () => {
    expect(retryDelay(429, h({ "retry-after": "61" }), 0, MAX, noJitter, NOW)).toBeUndefined();
    expect(retryDelay(429, h({ "retry-after": "60" }), 0, MAX, noJitter, NOW)).toBe(60_000);
    expect(retryDelay(429, h({ "retry-after": "61" }), 0, 120_000, noJitter, NOW)).toBe(61_000);
  });

  test("a 429 without Retry-After waits until ratelimit-reset when that is within the cap", () => {
    const reset = (s: number) => h({ "ratelimit-reset": String(NOW / 1000 + s) });
    expect(retryDelay(429, reset(12), 0, MAX, noJitter, NOW)).toBe(12_000);
    // Too far: back off instead of waiting an hour.
    expect(retryDelay(429, reset(3600), 0, MAX, noJitter, NOW)).toBe(500);
    // Only a 429 is about the budget.
    expect(retryDelay(503, reset(12), 0, MAX, noJitter, NOW)).toBe(500);
  });

  test("backoff doubles from 0.5 s and stops growing at 8 s", () => {
    const waits = [0, 1, 2, 3, 4, 5, 6].map((n) => retryDelay(undefined, undefined, n, MAX, noJitter, NOW));
    expect(waits).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
  });

  test("jitter takes off up to a quarter, and the configured cap also caps backoff", () => {
    expect(retryDelay(500, h({}), 2, MAX, () => 1, NOW)).toBe(1500);
    expect(retryDelay(500, h({}), 2, MAX, () => 0.5, NOW)).toBe(1750);
    expect(retryDelay(500, h({}), 5, 300, noJitter, NOW)).toBe(300);
  });

  test("an unparseable Retry-After falls back to backoff", () => {
    expect(retryDelay(503, h({ "retry-after": "soon" }), 1, MAX, noJitter, NOW)).toBe(1000);
  });
});
