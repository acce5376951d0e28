// Rate-limit headers surface on raw responses, errors and the client; the
// opt-in limiter keeps a busy client inside a sliding one-minute window.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { type DigitalOceanError, RateLimitError } from "../../templates/runtime/index.ts";
import { parseRateLimit } from "../../templates/runtime/rate-limit.ts";
import { T0, installClock, waits } from "./fake-clock.ts";
import { clientFor, ops } from "./fixtures.ts";
import { json, startServer, until, type TestServer } from "./server.ts";

vi.mock("../../templates/runtime/sleep.ts", async (orig) => ({
  sleep: vi.fn((await orig<typeof import("../../templates/runtime/sleep.ts")>()).sleep),
}));

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  vi.clearAllMocks();
});

const budget = (remaining: number, reset = 1_900_000_000) => ({
  "ratelimit-limit": "5000",
  "ratelimit-remaining": String(remaining),
  "ratelimit-reset": String(reset),
});

describe("parsing", () => {
  test("all three headers make a RateLimit; any missing makes none", () => {
    expect(parseRateLimit(new Headers(budget(4999)))).toEqual({
      limit: 5000,
      remaining: 4999,
      reset: new Date(1_900_000_000_000),
    });
    expect(parseRateLimit(new Headers({ "ratelimit-limit": "5000", "ratelimit-remaining": "1" }))).toBeUndefined();
    expect(parseRateLimit(new Headers())).toBeUndefined();
  });

  test("on raw responses, on errors, and the latest one on the client", async () => {
    const client = clientFor(server, { maxRetries: 0 });
    expect(client.rateLimit).toBeUndefined();
    server.reply(json(200, { image: {} }, budget(4999)));
    const raw = await client.request(ops.getImage, [1], undefined).withResponse();
    expect(raw.rateLimit).toEqual({ limit: 5000, remaining: 4999, reset: new Date(1_900_000_000_000) });
    expect(client.rateLimit).toEqual(raw.rateLimit);

    server.reply(json(404, { id: "not_found", message: "gone" }, budget(4998)));
    const error = (await client.request(ops.getImage, [1], undefined).catch((e: unknown) => e)) as DigitalOceanError;
    expect(error.rateLimit?.remaining).toBe(4998);
    expect(client.rateLimit?.remaining).toBe(4998);

    server.reply(json(200, {}));
    expect((await client.request(ops.getImage, [1], undefined).withResponse()).rateLimit).toBeUndefined();
    expect(client.rateLimit?.remaining).toBe(4998);
  });
});

describe("client-side limiter", () => {
  beforeEach(installClock);
  afterEach(() => vi.useRealTimers());

  /** Answers 429 whenever more than `limit` requests arrived in the last minute (fake clock). */
  const enforce = (limit: number) => {
    let rejected = 0;
    server.handle((req) => {
      const inWindow = server.requests.filter((r) => r.at > req.at - 60_000).length;
      if (inWindow > limit) {
        rejected++;
        return json(429, { id: "too_many_requests", message: "API Rate limit exceeded." });
      }
      return json(200, { ok: true });
    });
    return () => rejected;
  };
  const burst = (client: ReturnType<typeof clientFor>, n: number) =>
    Promise.allSettled(Array.from({ length: n }, () => client.request(ops.getImage, [1], undefined)));

  test("the enforcing server does reject a burst from a client without the limiter", async () => {
    const rejected = enforce(250);
    const results = await burst(clientFor(server, { maxRetries: 0 }), 300);
    expect(rejected()).toBe(50);
    expect(results.filter((r) => r.status === "rejected" && r.reason instanceof RateLimitError)).toHaveLength(50);
  });

  test("300 rapid calls at 250/min: 250 at once, 50 a minute later, not one 429", async () => {
    const rejected = enforce(250);
    const all = burst(clientFor(server, { maxRetries: 0, maxRequestsPerMinute: 250 }), 300);
    await until(() => server.requests.length === 250 && waits().length === 50, "the first 250 and 50 waiting");
    expect(new Set(waits())).toEqual(new Set([60_000]));
    await vi.advanceTimersByTimeAsync(59_999);
    expect(server.requests).toHaveLength(250);
    await vi.advanceTimersByTimeAsync(1);
    const results = await all;
    expect(results.every((r) => r.status === "fulfilled")).toBe(true);
    expect(rejected()).toBe(0);
    expect(server.requests.filter((r) => r.at === T0 + 60_000)).toHaveLength(50);
  });

  test("the window slides: each waiter goes when the oldest send leaves the last minute", async () => {
    const client = clientFor(server, { maxRequestsPerMinute: 3 });
    const call = () => client.request(ops.getImage, [1], undefined);
    await call();
    await vi.advanceTimersByTimeAsync(10_000);
    await call();
    await vi.advanceTimersByTimeAsync(10_000);
    await call();
    await vi.advanceTimersByTimeAsync(10_000);
    const late = [call(), call()];
    await until(() => waits().length === 2);
    await vi.advanceTimersByTimeAsync(30_000);
    await until(() => server.requests.length === 4 && waits().length === 3);
    await vi.advanceTimersByTimeAsync(10_000);
    await Promise.all(late);
    expect(server.requests.map((r) => (r.at - T0) / 1000)).toEqual([0, 10, 20, 60, 70]);
  });

  test("per request, and an abort during the limiter wait sends nothing", async () => {
    const client = clientFor(server);
    await client.request(ops.getImage, [1], undefined, { maxRequestsPerMinute: 1 });
    const controller = new AbortController();
    const p = client.request(ops.getImage, [1], undefined, { maxRequestsPerMinute: 1, signal: controller.signal });
    await until(() => waits().length === 1);
    expect(waits()).toEqual([60_000]);
    controller.abort();
    await expect(p).rejects.toMatchObject({ name: "AbortError" });
    expect(server.requests).toHaveLength(1);
    // Without the option the same client is not limited.
    await client.request(ops.getImage, [1], undefined);
    expect(server.requests).toHaveLength(2);
  });
});
