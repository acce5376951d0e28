// Fake time for the waiter tests: Date and setTimeout are faked while real I/O
// still runs, and each test file spies on its runtime's sleep, so a test moves
// the clock by exactly the delays the waiter asked for and by nothing else.
import { vi } from "vitest";

/** A whole second, so ratelimit-reset (epoch seconds) lands exactly. */
export const T0 = Date.UTC(2030, 0, 1, 12, 0, 0);

export function installClock(): void {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date", "performance"], now: T0 });
}

/**
 * Yields to real I/O until `cond` holds. Bounded by real time (process.hrtime,
 * which fake timers leave alone), not by a count of turns, which a loaded
 * machine can spend before a connection is even accepted; so a broken
 * expectation still fails instead of hanging.
 */
export async function until(cond: () => boolean, what = "condition"): Promise<void> {
  const elapsedMs = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e6;
  for (const started = process.hrtime.bigint(); elapsedMs(started) < 10_000; ) {
    if (cond()) return;
    await new Promise((r) => setImmediate(r));
  }
  if (!cond()) throw new Error(`gave up waiting for ${what}`);
}

/** Tracks whether a promise has settled, without leaving a rejection unhandled. */
export function track<T>(p: Promise<T>): { settled: () => boolean } {
  let done = false;
  p.then(
    () => (done = true),
    () => (done = true),
  );
  return { settled: () => done };
}

/**
 * Settles `p`, advancing the fake clock through each sleep it starts, one at a
 * time. `sleeps` lists the delays (ms) asked of the spied sleep so far.
 */
export async function drive<T>(p: Promise<T>, sleeps: () => number[]): Promise<T> {
  const { settled } = track(p);
  for (let n = sleeps().length; ; n++) {
    await until(() => settled() || sleeps().length > n, "a sleep or the end");
    if (settled()) return p;
    await vi.advanceTimersByTimeAsync(sleeps()[n]!);
  }
}
