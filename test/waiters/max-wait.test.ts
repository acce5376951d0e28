// maxWait is a hard deadline: it also ends a poll in flight, with that
// poll's own retries and their backoff, and the wait always ends in
// WaitTimeoutError carrying the last state seen. On a fake clock.
import { inspect } from "node:util";
import { describe, expect, test, vi } from "vitest";
import type { RequestOptions } from "../../templates/runtime/client.ts";
import { type WaitCondition, type WaitOptions, WaitTimeoutError, waitUntil } from "../../templates/runtime/wait.ts";
import { T0, track, until } from "./fake-time.ts";
import { type Body, client, poll, reconfigureClient, server, status, useScriptedApi, walk } from "./scripted-api.ts";

useScriptedApi();

const active: WaitCondition = { path: "droplet.status", success: ["active"], label: "droplet 42" };
const wait = (options?: WaitOptions<Body>, p: (o: RequestOptions) => PromiseLike<Body> = poll) =>
  waitUntil(client, p, active, options);

/** Advances the fake clock in small steps, letting I/O run, until `p` settles; returns its rejection. */
async function settleWithin(p: Promise<unknown>, ms: number, step = 50): Promise<unknown> {
  const { settled } = track(p);
  for (let t = 0; t < ms && !settled(); t += step) {
    await vi.advanceTimersByTimeAsync(step);
    await new Promise((r) => setImmediate(r));
  }
  await until(settled, "the wait to settle");
  return p.then(
    () => "resolved",
    (e: unknown) => e,
  );
}

describe("maxWait ends a poll in flight", () => {
  test("a server that never answers: WaitTimeoutError at maxWait, not after the poll's 60 s timeout and retries", async () => {
    walk({ hang: true });
    const p = wait({ maxWait: 500 });
    await until(() => server.requests.length === 1, "the first poll");
    const error = await settleWithin(p, 500);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(error).toMatchObject({ state: undefined, attempts: 1, elapsed: 500 });
    expect((error as Error).message).toBe("droplet 42 timed out after 500 ms; last droplet.status: nothing");
    expect(Date.now() - T0).toBe(500);
    expect(server.requests).toHaveLength(1);
  });

  test("a 429 storm: the poll's retry wait is cut at maxWait, with the last state seen", async () => {
    walk(status("new"), {
      status: 429,
      body: { id: "too_many_requests", message: "slow" },
      headers: { "retry-after": "3" },
    });
    const p = wait({ maxWait: 800, minDelay: 100 });
    const error = await settleWithin(p, 800, 10);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(error).toMatchObject({ state: "new", data: { droplet: { status: "new" } }, attempts: 2, elapsed: 800 });
    expect(Date.now() - T0).toBe(800);
    // The second poll met the 429 and was waiting 3 s to retry when the deadline came.
    expect(server.requests).toHaveLength(2);
  });

  test("a poll function that ignores its signal still cannot outlive the wait", async () => {
    const never = () => new Promise<Body>(() => {});
    const error = await settleWithin(wait({ maxWait: 300 }, never), 300);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(Date.now() - T0).toBe(300);
  });

  test("no timer is left behind once the wait has ended", async () => {
    // A client without a request timeout, so the only timers there can be are the wait's.
    reconfigureClient({ timeout: 0 });
    walk(status("active"));
    await wait({ maxWait: 60_000 });
    expect(vi.getTimerCount()).toBe(0);
  });

  test("the caller's abort still wins over the deadline, with its own reason", async () => {
    walk({ hang: true });
    const controller = new AbortController();
    const p = wait({ maxWait: 10_000, signal: controller.signal });
    await until(() => server.requests.length === 1, "the first poll");
    controller.abort(new Error("stop"));
    await expect(p).rejects.toThrow("stop");
  });
});

describe("a WaitTimeoutError stays readable", () => {
  test("util.inspect and JSON show a summary of the last state, not the whole body", async () => {
    const droplets = Array.from({ length: 500 }, (_, id) => ({ id, name: `droplet-${id}`, tags: ["a", "b"] }));
    const big = { droplet: { status: "new" }, droplets };
    const error = await settleWithin(
      wait({ maxWait: 1000, minDelay: 2000 }, async () => big as Body),
      1000,
    );
    expect(error).toBeInstanceOf(WaitTimeoutError);
    const shown = inspect(error);
    expect(shown).toContain('last droplet.status: "new"');
    expect(shown).toContain("state: 'new'");
    expect(shown).not.toContain("droplet-1");
    expect(shown.length).toBeLessThan(2000);
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "WaitTimeoutError",
      message: 'droplet 42 timed out after 1000 ms; last droplet.status: "new"',
      state: "new",
      attempts: 1,
      elapsed: 1000,
    });
    // Still there for code that wants it.
    expect((error as WaitTimeoutError<typeof big>).data).toBe(big);
  });
});
