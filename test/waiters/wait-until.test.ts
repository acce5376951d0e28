// The generic poll loop on a fake clock: timeouts with the last state, abort at
// every stage, 404 handling, failure states, backoff bounds, the rate budget,
// and that polls take the client's normal path (its retries apply).
import { describe, expect, test, vi } from "vitest";
import { ConfigurationError, NotFoundError } from "../../templates/runtime/errors.ts";
import { sleep } from "../../templates/runtime/sleep.ts";
import {
  waitUntil,
  WaitError,
  WaitTimeoutError,
  type WaitCondition,
  type WaitOptions,
} from "../../templates/runtime/wait.ts";
import { drive, T0, track, until } from "./fake-time.ts";
import { notFound } from "./scripted-server.ts";
import { type Body, client, poll, server, status, useScriptedApi, walk } from "./scripted-api.ts";

vi.mock("../../templates/runtime/sleep.ts", async (orig) => ({
  sleep: vi.fn((await orig<typeof import("../../templates/runtime/sleep.ts")>()).sleep),
}));
const sleeps = () => vi.mocked(sleep).mock.calls.map((c) => c[0]);

useScriptedApi();

const active: WaitCondition = {
  path: "droplet.status",
  success: ["active"],
  failure: ["archive"],
  label: "droplet 42",
};
const wait = (options?: WaitOptions<Body>, condition = active) => waitUntil(client, poll, condition, options);
const arrivals = () => server.requests.map((r) => r.at - T0);

describe("ending the wait", () => {
  test("resolves with the body that showed a success state", async () => {
    walk(status("new"), status("new"), status("active"));
    await expect(drive(wait(), sleeps)).resolves.toEqual({ droplet: { status: "active" } });
    expect(server.requests).toHaveLength(3);
  });

  test("a failure state rejects with WaitError carrying the state and body", async () => {
    walk(status("new"), status("archive"));
    const error = await drive(wait(), sleeps).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitError);
    expect(error).toMatchObject({ state: "archive", data: { droplet: { status: "archive" } }, attempts: 2 });
    expect((error as Error).message).toBe('droplet 42: droplet.status is "archive"');
  });

  test("a state that never finishes times out at maxWait with the last state observed", async () => {
    walk(status("new"), status("off"));
    const error = await drive(wait({ minDelay: 1000, maxDelay: 4000, maxWait: 10_000 }), sleeps).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(error).toMatchObject({ state: "off", data: { droplet: { status: "off" } }, elapsed: 10_000 });
    expect((error as Error).message).toBe('droplet 42 timed out after 10000 ms; last droplet.status: "off"');
    expect((error as WaitTimeoutError).attempts).toBe(server.requests.length);
    // The last delay is shortened to end on the deadline, where the wait ends: a poll started
    // at the deadline would have no time left to answer.
    expect(arrivals().at(-1)).toBeLessThan(10_000);
    expect(Date.now() - T0).toBe(10_000);
  });

  test("a 404 ends a deletion wait successfully, and fails any other wait", async () => {
    walk(status("active"), notFound);
    await expect(
      drive(wait({}, { path: "droplet.status", success: [], notFoundIsSuccess: true }), sleeps),
    ).resolves.toBeUndefined();
    expect(server.requests).toHaveLength(2);
    walk(status("new"), notFound);
    await expect(drive(wait(), sleeps)).rejects.toBeInstanceOf(NotFoundError);
  });

  test("onPoll gets each attempt, its state, and marks the 404", async () => {
    walk(status("active"), status("off"), notFound);
    const seen: unknown[] = [];
    const onPoll = (p: { attempt: number; state: unknown; notFound: boolean }) =>
      seen.push([p.attempt, p.state, p.notFound]);
    await drive(wait({ onPoll }, { path: "droplet.status", success: [], notFoundIsSuccess: true }), sleeps);
    expect(seen).toEqual([
      [1, "active", false],
      [2, "off", false],
      [3, undefined, true],
    ]);
  });

  test("polls take the client's request path, so its retries apply", async () => {
    walk({ status: 503, body: { id: "service_unavailable", message: "busy" } }, status("active"));
    await expect(drive(wait(), sleeps)).resolves.toEqual({ droplet: { status: "active" } });
    expect(server.requests).toHaveLength(2);
  });
});

describe("abort", () => {
  test("during the delay between polls: rejects at once with the signal's reason", async () => {
    walk(status("new"));
    const controller = new AbortController();
    const p = wait({ signal: controller.signal, minDelay: 60_000 });
    const { settled } = track(p);
    await until(() => sleeps().length === 1, "the first delay");
    controller.abort(new Error("stop"));
    await until(settled, "the abort to settle the wait");
    await expect(p).rejects.toThrow("stop");
    expect(server.requests).toHaveLength(1);
    expect(Date.now()).toBe(T0);
  });

  test("during a poll in flight", async () => {
    walk({ hang: true });
    const controller = new AbortController();
    const p = wait({ signal: controller.signal });
    const { settled } = track(p);
    await until(() => server.requests.length === 1, "the poll");
    controller.abort(new Error("stop"));
    await until(settled, "the abort to settle the wait");
    await expect(p).rejects.toThrow("stop");
  });

  test("an already aborted signal starts no poll, even one that would ignore the signal", async () => {
    const ignoring = vi.fn(async () => ({ droplet: { status: "new" } }));
    await expect(
      waitUntil(client, ignoring, active, { signal: AbortSignal.abort(new Error("never")) }),
    ).rejects.toThrow("never");
    expect(ignoring).not.toHaveBeenCalled();
  });
});

describe("delays", () => {
  test("backoff doubles from minDelay and stays within [minDelay, maxDelay] at both jitter extremes", async () => {
    const never = { minDelay: 1000, maxDelay: 8000, maxWait: 60_000 };
    vi.spyOn(Math, "random").mockReturnValue(0.999999);
    walk(status("new"));
    await drive(wait(never), sleeps).catch(() => {});
    const high = sleeps().slice(0, 6);
    expect(high).toEqual([1000, 2000, 4000, 8000, 8000, 8000]);

    vi.clearAllMocks();
    vi.spyOn(Math, "random").mockReturnValue(0);
    walk(status("new"));
    await drive(wait(never), sleeps).catch(() => {});
    expect(sleeps().slice(0, 6)).toEqual([1000, 1000, 2000, 4000, 4000, 4000]);
  });

  test.each([
    ["minDelay", -1],
    ["minDelay", Number.POSITIVE_INFINITY],
    ["maxDelay", Number.NaN],
    ["maxWait", Number.NaN],
    ["maxWait", -5],
    ["maxWait", "60000"],
  ])("%s: %s is refused with a ConfigurationError naming it, before any poll", async (name, value) => {
    const error = await wait({ [name]: value }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toMatch(new RegExp(`^\`${name}\` must be`));
    expect(server.requests).toHaveLength(0);
  });

  test("Infinity is accepted where it means no limit: maxDelay and maxWait", async () => {
    walk(status("new"), status("active"));
    await expect(
      drive(wait({ maxDelay: Number.POSITIVE_INFINITY, maxWait: Number.POSITIVE_INFINITY }), sleeps),
    ).resolves.toEqual({ droplet: { status: "active" } });
  });
});

describe("rate budget", () => {
  const budget = (remaining: number, resetIn: number) => ({
    "ratelimit-limit": "5000",
    "ratelimit-remaining": String(remaining),
    "ratelimit-reset": String(T0 / 1000 + resetIn),
  });

  test("a low remaining budget spreads the next polls until the reset", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0);
    walk(status("new", budget(2, 60)), status("active"));
    await drive(wait({ minDelay: 1000 }), sleeps);
    // Two requests left for 60 s: the next poll comes 30 s later, not after the 1 s backoff.
    expect(arrivals()).toEqual([0, 30_000]);
  });

  test("an exhausted budget waits for the reset", async () => {
    walk(status("new", budget(0, 45)), status("active"));
    await drive(wait({ minDelay: 1000 }), sleeps);
    expect(arrivals()).toEqual([0, 45_000]);
  });

  test("a plentiful budget leaves the backoff alone", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0);
    walk(status("new", budget(4000, 60)), status("active"));
    await drive(wait({ minDelay: 1000 }), sleeps);
    expect(arrivals()).toEqual([0, 1000]);
  });

  test("when the budget allows no poll before maxWait, the wait times out without sleeping", async () => {
    walk(status("new", budget(0, 3600)));
    const error = await drive(wait({ maxWait: 60_000 }), sleeps).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(error).toMatchObject({ state: "new", attempts: 1 });
    expect((error as Error).message).toContain("rate-limit budget");
    expect(sleeps()).toEqual([]);
  });
});
