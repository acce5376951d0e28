// No wait, however long, becomes a short timer: setTimeout fires anything
// above 2^31 - 1 ms (about 24.8 days) after 1 ms, and the fake clock
// reproduces that, so each of these would end at once if a delay reached a
// timer unsplit.
import { afterAll, afterEach, beforeAll, beforeEach, expect, test, vi } from "vitest";
import { TimeoutError, type Operation } from "../../templates/runtime/index.ts";
import { sleep } from "../../templates/runtime/sleep.ts";
import { installClock, T0 } from "./fake-clock.ts";
import { clientFor, opFor } from "./fixtures.ts";
import { json, startServer, text, type TestServer, until } from "./server.ts";

const DAY = 86_400_000;

let server: TestServer;
beforeAll(async () => {
  server = await startServer((req) => (req.url === "/hang" ? { hang: true } : json(200, { ok: true })));
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  installClock();
});
afterEach(() => vi.useRealTimers());

const settled = (p: Promise<unknown>) => {
  const state = { done: false };
  p.then(
    () => (state.done = true),
    () => (state.done = true),
  );
  return state;
};

test("a 30-day sleep lasts 30 days", async () => {
  const state = settled(sleep(30 * DAY));
  await vi.advanceTimersByTimeAsync(30 * DAY - 1);
  expect(state.done).toBe(false);
  await vi.advanceTimersByTimeAsync(1);
  expect(state.done).toBe(true);
});

test("an unlimited maxRetryDelay honours a 30-day Retry-After instead of retrying at once", async () => {
  server.reply(text(503, "come back next month", { "retry-after": String((30 * DAY) / 1000) }));
  const p = clientFor(server, { maxRetryDelay: Number.POSITIVE_INFINITY }).request(opFor("GET"), [], undefined);
  await until(() => server.requests.length === 1);
  await vi.advanceTimersByTimeAsync(DAY);
  expect(server.requests).toHaveLength(1);
  await vi.advanceTimersByTimeAsync(29 * DAY);
  await p;
  expect(server.requests.map((r) => r.at - T0)).toEqual([0, 30 * DAY]);
});

test("a 40-day timeout still fires, on the 40th day", async () => {
  const hang: Operation = { method: "GET", path: "/hang" };
  const p = clientFor(server, { timeout: 40 * DAY, maxRetries: 0 }).request(hang, [], undefined);
  const state = settled(p);
  await until(() => server.requests.length === 1);
  await vi.advanceTimersByTimeAsync(40 * DAY - 1);
  expect(state.done).toBe(false);
  await vi.advanceTimersByTimeAsync(1);
  await expect(p).rejects.toBeInstanceOf(TimeoutError);
});
