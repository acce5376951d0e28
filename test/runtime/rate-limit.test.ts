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
    await until(() => server.requests.length === 250, "the first 250");
    await vi.advanceTimersByTimeAsync(59_999);
    expect(server.requests).toHaveLength(250);
    await vi.advanceTimersByTimeAsync(1);
    const results = await all;
    expect(results.every((r) => r.status === "fulfilled")).toBe(true);
    expect(rejected()).toBe(0);
    expect(server.requests.filter((r) => r.at === T0 + 60_000)).toHaveLength(50);
    // The limiter waits with timers of its own, never through the retry sleep.
    expect(waits()).toEqual([]);
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
    await vi.advanceTimersByTimeAsync(30_000);
    await until(() => server.requests.length === 4);
    await vi.advanceTimersByTimeAsync(10_000);
    await Promise.all(late);
    expect(server.requests.map((r) => (r.at - T0) / 1000)).toEqual([0, 10, 20, 60, 70]);
  });

  test("queued calls go out first come, first served, with one timer for the whole queue", async () => {
    const client = clientFor(server, { maxRequestsPerMinute: 3 });
    const calls = Array.from({ length: 3 }, (_, i) => client.request(ops.getImage, [i + 1], undefined));
    await Promise.all(calls);
    calls.push(client.request(ops.getImage, [4], undefined));
    const timers = vi.getTimerCount();
    // Eight more callers join the queue without a timer of their own.
    for (let i = 5; i <= 12; i++) calls.push(client.request(ops.getImage, [i], undefined));
    expect(vi.getTimerCount()).toBe(timers);
    for (let minute = 1; minute <= 3; minute++) {
      await vi.advanceTimersByTimeAsync(60_000);
      await until(() => server.requests.length === 3 * (minute + 1), `minute ${minute}`);
    }
    await Promise.all(calls);
    expect(server.requests.map((r) => Number(r.url.split("/").pop()))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(server.requests.map((r) => (r.at - T0) / 60_000)).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3]);
  });

  test("a call that arrives just as a slot frees still queues behind those already waiting", async () => {
    const client = clientFor(server, { maxRequestsPerMinute: 1 });
    const first = client.request(ops.getImage, [1], undefined);
    const waiting = client.request(ops.getImage, [2], undefined);
    await until(() => server.requests.length === 1);
    // The clock reaches the moment the slot frees, before any timer has had its turn.
    vi.setSystemTime(T0 + 60_000);
    const newcomer = client.request(ops.getImage, [3], undefined);
    await vi.advanceTimersByTimeAsync(60_000);
    await until(() => server.requests.length === 2);
    await vi.advanceTimersByTimeAsync(60_000);
    await Promise.all([first, waiting, newcomer]);
    // (setSystemTime moved the clock without moving the timers, so only order and spacing are checked.)
    expect(server.requests.map((r) => r.url)).toEqual(["/v2/images/1", "/v2/images/2", "/v2/images/3"]);
    expect(server.requests[2]!.at - server.requests[1]!.at).toBe(60_000);
  });

  test("an aborted call leaves the queue at once, and the next in line takes its turn", async () => {
    const client = clientFor(server, { maxRequestsPerMinute: 1 });
    const controller = new AbortController();
    const first = client.request(ops.getImage, [1], undefined);
    const aborted = client.request(ops.getImage, [2], undefined, { signal: controller.signal });
    const third = client.request(ops.getImage, [3], undefined);
    await until(() => server.requests.length === 1);
    controller.abort(new Error("changed my mind"));
    await expect(aborted).rejects.toThrow("changed my mind");
    expect(Date.now()).toBe(T0);
    await vi.advanceTimersByTimeAsync(60_000);
    await Promise.all([first, third]);
    expect(server.requests.map((r) => [r.url, r.at - T0])).toEqual([
      ["/v2/images/1", 0],
      ["/v2/images/3", 60_000],
    ]);
  });

  test("per request, and an abort during the limiter wait sends nothing", async () => {
    // No timeout, so the only timer there can be is the limiter's.
    const client = clientFor(server, { timeout: 0 });
    await client.request(ops.getImage, [1], undefined, { maxRequestsPerMinute: 1 });
    const controller = new AbortController();
    const p = client.request(ops.getImage, [1], undefined, { maxRequestsPerMinute: 1, signal: controller.signal });
    await vi.advanceTimersByTimeAsync(59_999);
    expect(server.requests).toHaveLength(1);
    controller.abort();
    await expect(p).rejects.toMatchObject({ name: "AbortError" });
    expect(server.requests).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
    // Without the option the same client is not limited.
    await client.request(ops.getImage, [1], undefined);
    expect(server.requests).toHaveLength(2);
  });
});
