// The per-attempt timeout and the caller's signal end a request in different,
// distinguishable ways: TimeoutError for ours, the signal's reason for theirs.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { ConnectionError, TimeoutError } from "../../templates/runtime/index.ts";
import { installClock } from "./fake-clock.ts";
import { clientFor, ops } from "./fixtures.ts";
import { json, startServer, until, type TestServer } from "./server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startServer(() => json(200, { image: { id: 1 } }));
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const outcome = (p: Promise<unknown>) => p.then(() => "resolved", (e: unknown) => e);

describe("timeout", () => {
  test("an unanswered request rejects with TimeoutError", async () => {
    server.reply({ hang: true });
    const error = await outcome(clientFor(server, { timeout: 20, maxRetries: 0 }).request(ops.getImage, [1], undefined));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toMatch(/GET http:\/\/127\.0\.0\.1:\d+\/v2\/images\/1 timed out after 20 ms/);
  });

  test("a body that stops arriving also times out", async () => {
    server.reply({ hangBody: true });
    expect(await outcome(clientFor(server, { timeout: 20, maxRetries: 0 }).request(ops.getImage, [1], undefined))).toBeInstanceOf(TimeoutError);
  });

  test("per request, overriding the client's default", async () => {
    server.reply({ hang: true });
    const client = clientFor(server, { maxRetries: 0 });
    expect(await outcome(client.request(ops.getImage, [1], undefined, { timeout: 20 }))).toBeInstanceOf(TimeoutError);
  });

  describe("on a fake clock", () => {
    beforeEach(installClock);
    afterEach(() => vi.useRealTimers());

    const settled = (p: Promise<unknown>) => {
      const state = { done: false };
      p.then(
        () => (state.done = true),
        () => (state.done = true),
      );
      return state;
    };

    test("fires exactly at the configured time (default 60 s)", async () => {
      server.reply({ hang: true });
      const p = outcome(clientFor(server, { maxRetries: 0 }).request(ops.getImage, [1], undefined));
      const state = settled(p);
      await until(() => server.requests.length == 1);
      await vi.advanceTimersByTimeAsync(59_999);
      expect(state.done).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(await p).toBeInstanceOf(TimeoutError);
    });

    test("0 disables it, per request too", async () => {
      server.reply({ hang: true });
      const controller = new AbortController();
      const p = outcome(clientFor(server, { timeout: 5 }).request(ops.getImage, [1], undefined, { timeout: 0, signal: controller.signal }));
      const state = settled(p);
      await until(() => server.requests.length == 1);
      await vi.advanceTimersByTimeAsync(10 * 24 * 3600_000);
      for (let i = 0; i < 50; i++) await new Promise((r) => setImmediate(r));
      expect(state.done).toBe(false);
      controller.abort();
      expect(await p).toMatchObject({ name: "AbortError" });
    });
  });
});

describe("the caller's signal", () => {
  test("aborting an in-flight request rejects with an AbortError, not a TimeoutError, and is not retried", async () => {
    server.reply({ hang: true });
    const controller = new AbortController();
    const p = outcome(clientFor(server).request(ops.getImage, [1], undefined, { signal: controller.signal }));
    await until(() => server.requests.length == 1);
    controller.abort();
    const error = await p;
    expect(error).toBeInstanceOf(DOMException);
    expect(error).toMatchObject({ name: "AbortError" });
    expect(error).not.toBeInstanceOf(ConnectionError);
    expect(server.requests).toHaveLength(1);
  });

  test("the signal's own reason is what rejects", async () => {
    server.reply({ hang: true });
    const controller = new AbortController();
    const reason = new Error("navigated away");
    const p = outcome(clientFor(server).request(ops.getImage, [1], undefined, { signal: controller.signal, timeout: 60_000 }));
    await until(() => server.requests.length == 1);
    controller.abort(reason);
    expect(await p).toBe(reason);
  });

  test("an already aborted signal sends nothing", async () => {
    const reason = new Error("too late");
    expect(await outcome(clientFor(server).request(ops.getImage, [1], undefined, { signal: AbortSignal.abort(reason) }))).toBe(reason);
    expect(server.requests).toHaveLength(0);
  });

  test("a signal that never fires changes nothing", async () => {
    const { data } = await clientFor(server).request(ops.getImage, [1], undefined, { signal: new AbortController().signal }).withResponse();
    expect(data).toEqual({ image: { id: 1 } });
  });
});
