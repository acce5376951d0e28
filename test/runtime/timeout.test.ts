// The per-attempt timeout and the caller's signal end a request in different,
// distinguishable ways: TimeoutError for ours, the signal's reason for theirs.
// The server answers by path, so a late-arriving aborted request can never
// take a reply meant for another test.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { ConnectionError, TimeoutError, type Fetch, type Operation } from "../../templates/runtime/index.ts";
import { installClock } from "./fake-clock.ts";
import { clientFor, ops } from "./fixtures.ts";
import { json, startServer, until, type TestServer } from "./server.ts";

const hang: Operation = { method: "GET", path: "/hang" };
/**
 * A hanging operation on a path of its own, for tests that count arrivals:
 * without a caller's signal fetch gets none, so an earlier test's timed-out
 * request may still reach the server late.
 */
const hangAt = (name: string, method: Operation["method"] = "GET"): Operation => ({
  method,
  path: `/hang-${name}`,
  ...(method === "POST" ? { body: "fields" } : {}),
});
const hangBody: Operation = { method: "GET", path: "/hang-body" };
const ok: Operation = { method: "GET", path: "/ok" };

let server: TestServer;
beforeAll(async () => {
  server = await startServer((req) =>
    req.url === "/hang-body"
      ? { hangBody: true }
      : req.url.startsWith("/hang")
        ? { hang: true }
        : json(200, { image: { id: 1 } }),
  );
});
afterAll(() => server.close());
beforeEach(() => server.reset());
afterEach(() => vi.useRealTimers());

const outcome = (p: Promise<unknown>) =>
  p.then(
    () => "resolved",
    (e: unknown) => e,
  );
const arrived = (path: string) => server.requests.filter((r) => r.url === path).length;
const settled = (p: Promise<unknown>) => {
  const state = { done: false };
  p.then(
    () => (state.done = true),
    () => (state.done = true),
  );
  return state;
};

describe("timeout", () => {
  test("an unanswered request rejects with TimeoutError naming the request", async () => {
    const error = await outcome(clientFor(server, { timeout: 20, maxRetries: 0 }).request(hang, [], undefined));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/hang timed out after 20 ms$/);
  });

  test("per request, overriding the client's default", async () => {
    const client = clientFor(server, { maxRetries: 0 });
    expect(await outcome(client.request(hang, [], undefined, { timeout: 20 }))).toBeInstanceOf(TimeoutError);
  });

  test("fires exactly at the configured time (default 60 s)", async () => {
    installClock();
    const p = outcome(clientFor(server, { maxRetries: 0 }).request(hangAt("exact"), [], undefined));
    const state = settled(p);
    await until(() => arrived("/hang-exact") === 1);
    await vi.advanceTimersByTimeAsync(59_999);
    expect(state.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await p).toBeInstanceOf(TimeoutError);
  });

  test("covers the body too: headers arrived, the rest never does", async () => {
    installClock();
    let headers = false;
    const watching: Fetch = async (url, init) => {
      const res = await fetch(url, init);
      headers = true;
      return res;
    };
    const p = outcome(
      clientFor(server, { maxRetries: 0, timeout: 1000, fetch: watching }).request(hangBody, [], undefined),
    );
    await until(() => headers, "the response headers");
    await vi.advanceTimersByTimeAsync(1000);
    expect(await p).toBeInstanceOf(TimeoutError);
  });

  test("0 disables it, per request too", async () => {
    installClock();
    const controller = new AbortController();
    const p = outcome(
      clientFor(server, { timeout: 5 }).request(hangAt("disabled"), [], undefined, {
        timeout: 0,
        signal: controller.signal,
      }),
    );
    const state = settled(p);
    await until(() => arrived("/hang-disabled") === 1);
    await vi.advanceTimersByTimeAsync(10 * 24 * 3600_000);
    for (let i = 0; i < 50; i++) await new Promise((r) => setImmediate(r));
    expect(state.done).toBe(false);
    controller.abort();
    expect(await p).toMatchObject({ name: "AbortError" });
  });
});

describe("the timer behind the timeouts", () => {
  test("one per client, shared by concurrent attempts", async () => {
    installClock();
    const armed = vi.spyOn(globalThis, "setTimeout");
    const client = clientFor(server, { maxRetries: 0 });
    const calls = Array.from({ length: 20 }, () => outcome(client.request(hangAt("shared"), [], undefined)));
    await until(() => arrived("/hang-shared") === 20, "every call in flight");
    // Only the first attempt arms a timer for its timeout; the later deadlines wait on the same one.
    expect(armed.mock.calls.filter(([, ms]) => ms === 60_000)).toHaveLength(1);
    armed.mockRestore();
    await vi.advanceTimersByTimeAsync(60_000);
    expect((await Promise.all(calls)).every((e) => e instanceof TimeoutError)).toBe(true);
  });

  test.each([
    ["forward", 3_600_000],
    ["back", -3_600_000],
  ])("a wall-clock step %s neither cuts an attempt short nor stretches it", async (_, step) => {
    installClock();
    const client = clientFor(server, { maxRetries: 0, timeout: 1000 });
    const first = outcome(client.request(hangAt(`step-a${step}`), [], undefined));
    const a = settled(first);
    await vi.advanceTimersByTimeAsync(500);
    const second = outcome(client.request(hangAt(`step-b${step}`), [], undefined));
    const b = settled(second);
    await vi.advanceTimersByTimeAsync(100);
    vi.setSystemTime(Date.now() + step);
    await vi.advanceTimersByTimeAsync(400);
    expect([a.done, b.done]).toEqual([true, false]);
    await vi.advanceTimersByTimeAsync(499);
    expect(b.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await first).toBeInstanceOf(TimeoutError);
    expect(await second).toBeInstanceOf(TimeoutError);
  });

  test("never keeps the process alive once the client is idle", async () => {
    const armed = vi.spyOn(globalThis, "setTimeout");
    await clientFor(server).request(ok, [], undefined);
    const timer = armed.mock.results.find((_, i) => (armed.mock.calls[i]![1] ?? 0) > 59_000)?.value as NodeJS.Timeout;
    armed.mockRestore();
    // Still armed, for the next call, but unreferenced.
    expect(timer.hasRef()).toBe(false);
  });
});

describe("the signal handed to fetch", () => {
  test("none without a caller's signal, timeout or not (a signal costs fetch CPU); the attempt's own with one", async () => {
    const seen: (AbortSignal | null | undefined)[] = [];
    const spy: Fetch = async (url, init) => {
      seen.push(init.signal);
      return fetch(url, init);
    };
    const caller = new AbortController();
    const client = clientFor(server, { fetch: spy });
    await client.request(ok, [], undefined, { timeout: 0 });
    await client.request(ok, [], undefined);
    await client.request(ok, [], undefined, { signal: caller.signal });
    expect(seen[0]).toBeNull();
    expect(seen[1]).toBeNull();
    expect(seen[2]).toBeInstanceOf(AbortSignal);
    expect(seen[2]).not.toBe(caller.signal);
  });

  test("with a caller's signal, the attempt's own aborts on the timeout too, tearing the request down", async () => {
    let handed: AbortSignal | null | undefined;
    const spy: Fetch = (url, init) => {
      handed = init.signal;
      return fetch(url, init);
    };
    const client = clientFor(server, { fetch: spy, timeout: 20, maxRetries: 0 });
    const error = await outcome(client.request(hang, [], undefined, { signal: new AbortController().signal }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(handed?.aborted).toBe(true);
  });
});

describe("the caller's signal", () => {
  test("aborting an in-flight request rejects with an AbortError, not a TimeoutError, and is not retried", async () => {
    const controller = new AbortController();
    const p = outcome(clientFor(server).request(hangAt("abort"), [], undefined, { signal: controller.signal }));
    await until(() => arrived("/hang-abort") === 1);
    controller.abort();
    const error = await p;
    expect(error).toBeInstanceOf(DOMException);
    expect(error).toMatchObject({ name: "AbortError" });
    expect(error).not.toBeInstanceOf(ConnectionError);
    expect(arrived("/hang-abort")).toBe(1);
  });

  test("an abort is never mistaken for a connection error, even with no retries left", async () => {
    const controller = new AbortController();
    const p = outcome(
      clientFor(server, { maxRetries: 0 }).request(
        hangAt("post", "POST"),
        [],
        { name: "fw" },
        { signal: controller.signal },
      ),
    );
    await until(() => arrived("/hang-post") === 1);
    controller.abort();
    expect(await p).toMatchObject({ name: "AbortError" });
  });

  test("the signal's own reason is what rejects", async () => {
    const controller = new AbortController();
    const reason = new Error("navigated away");
    const p = outcome(clientFor(server).request(hangAt("reason"), [], undefined, { signal: controller.signal }));
    await until(() => arrived("/hang-reason") === 1);
    controller.abort(reason);
    expect(await p).toBe(reason);
  });

  test("an already aborted signal sends nothing", async () => {
    const reason = new Error("too late");
    expect(
      await outcome(clientFor(server).request(ops.getImage, [1], undefined, { signal: AbortSignal.abort(reason) })),
    ).toBe(reason);
    expect(arrived("/v2/images/1")).toBe(0);
  });

  test("a signal that never fires changes nothing", async () => {
    const { data } = await clientFor(server)
      .request(ops.getImage, [1], undefined, { signal: new AbortController().signal })
      .withResponse();
    expect(data).toEqual({ image: { id: 1 } });
  });
});
