// How long the client waits before each retry, on a fake clock: Retry-After in
// both forms, ratelimit-reset, backoff growth and cap, the 60 s ceiling, and
// that a caller's abort ends a wait.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { InternalServerError, RateLimitError } from "../../templates/runtime/index.ts";
import { T0, drive, installClock, waits } from "./fake-clock.ts";
import { clientFor, opFor } from "./fixtures.ts";
import { json, startServer, text, until, type TestServer } from "./server.ts";

vi.mock("../../templates/runtime/sleep.ts", async (orig) => ({
  sleep: vi.fn((await orig<typeof import("../../templates/runtime/sleep.ts")>()).sleep),
}));

let server: TestServer;
beforeAll(async () => {
  server = await startServer(() => json(200, { ok: true }));
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  vi.clearAllMocks();
  installClock();
  vi.spyOn(Math, "random").mockReturnValue(0);
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

const gaps = () => server.requests.slice(1).map((r, i) => r.at - server.requests[i]!.at);
const get = opFor("GET");

describe("server-directed waits", () => {
  test("Retry-After in seconds: no retry before it, the retry right at it", async () => {
    server.reply(text(429, "slow down", { "retry-after": "3" }));
    const p = clientFor(server).request(get, [], undefined);
    await until(() => waits().length === 1);
    expect(waits()).toEqual([3000]);
    await vi.advanceTimersByTimeAsync(2999);
    expect(server.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await p;
    expect(server.requests.map((r) => r.at)).toEqual([T0, T0 + 3000]);
  });

  test("Retry-After as an HTTP date", async () => {
    server.reply(text(503, "maintenance", { "retry-after": new Date(T0 + 5000).toUTCString() }));
    await drive(clientFor(server).request(get, [], undefined));
    expect(waits()).toEqual([5000]);
    expect(gaps()).toEqual([5000]);
  });

  test("a 429 with only ratelimit-reset waits until the reset", async () => {
    const reset = String(T0 / 1000 + 12);
    server.reply(
      json(
        429,
        { id: "too_many_requests", message: "API Rate limit exceeded." },
        { "ratelimit-limit": "250", "ratelimit-remaining": "0", "ratelimit-reset": reset },
      ),
    );
    await drive(clientFor(server).request(get, [], undefined));
    expect(gaps()).toEqual([12_000]);
  });

  test("a 429 whose reset is far away backs off instead", async () => {
    server.reply(json(429, {}, { "ratelimit-reset": String(T0 / 1000 + 3600) }));
    await drive(clientFor(server).request(get, [], undefined));
    expect(gaps()).toEqual([500]);
  });
});

describe("backoff", () => {
  test("doubles from 0.5 s", async () => {
    server.reply(...Array(4).fill(text(503, "busy")));
    await drive(clientFor(server, { maxRetries: 4 }).request(get, [], undefined));
    expect(gaps()).toEqual([500, 1000, 2000, 4000]);
  });

  test("stops growing at 8 s", async () => {
    server.reply(...Array(6).fill(text(502, "bad gateway")));
    await drive(clientFor(server, { maxRetries: 6 }).request(get, [], undefined));
    expect(gaps()).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
  });

  test("is jittered down by the random source", async () => {
    vi.spyOn(Math, "random").mockReturnValue(1);
    server.reply(text(500, "oops"), text(500, "oops"));
    await drive(clientFor(server).request(get, [], undefined));
    expect(gaps()).toEqual([375, 750]);
  });
});

describe("the ceiling on a single wait", () => {
  test("a server asking for more than 60 s gets its error thrown, without waiting", async () => {
    server.reply(text(429, "later", { "retry-after": "61" }));
    await expect(clientFor(server).request(get, [], undefined)).rejects.toThrow(RateLimitError);
    expect(server.requests).toHaveLength(1);
    expect(waits()).toEqual([]);
  });

  test("exactly 60 s is waited", async () => {
    server.reply(text(503, "later", { "retry-after": "60" }));
    await drive(clientFor(server).request(get, [], undefined));
    expect(gaps()).toEqual([60_000]);
  });

  test("maxRetryDelay raises it per client, and per request both ways", async () => {
    server.reply(text(503, "later", { "retry-after": "90" }));
    await drive(clientFor(server, { maxRetryDelay: 120_000 }).request(get, [], undefined));
    expect(gaps()).toEqual([90_000]);

    server.reset();
    server.reply(text(503, "later", { "retry-after": "90" }));
    await drive(clientFor(server).request(get, [], undefined, { maxRetryDelay: 90_000 }));
    expect(gaps()).toEqual([90_000]);

    server.reset();
    server.reply(text(503, "later", { "retry-after": "30" }));
    await expect(clientFor(server).request(get, [], undefined, { maxRetryDelay: 10_000 })).rejects.toThrow(
      InternalServerError,
    );
    expect(server.requests).toHaveLength(1);
  });
});

test("aborting during a retry wait rejects with the signal's reason and sends nothing more", async () => {
  server.reply(text(503, "busy", { "retry-after": "30" }));
  const controller = new AbortController();
  const p = clientFor(server).request(get, [], undefined, { signal: controller.signal });
  await until(() => waits().length === 1);
  const reason = new Error("user gave up");
  controller.abort(reason);
  await expect(p).rejects.toBe(reason);
  await vi.advanceTimersByTimeAsync(60_000);
  expect(server.requests).toHaveLength(1);
});
