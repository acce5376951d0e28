// Fake time for tests of waits: Date and setTimeout are faked (real I/O still
// runs), and the runtime's sleep is observed, so a test advances exactly by
// the waits the client asked for and nothing else.
import { vi } from "vitest";
import { sleep } from "../../templates/runtime/sleep.ts";
import { until } from "./server.ts";

/** A whole second, so HTTP dates (second precision) land exactly. */
export const T0 = Date.UTC(2030, 0, 1, 12, 0, 0);

export function installClock(): void {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date", "performance"], now: T0 });
}

/**
 * The waits (ms) the client has asked for so far. Needs, in the test file:
 * vi.mock("../../templates/runtime/sleep.ts", async (orig) => ({ sleep: vi.fn((await orig<typeof import("../../templates/runtime/sleep.ts")>()).sleep) }))
 */
export const waits = (): number[] => vi.mocked(sleep).mock.calls.map((c) => c[0]);

/** Settles `p`, advancing the fake clock through each wait the client starts, one at a time. */
export async function drive<T>(p: Promise<T>): Promise<T> {
  let settled = false;
  p.then(
    () => (settled = true),
    () => (settled = true),
  );
  for (let n = waits().length; ; n++) {
    await until(() => settled || waits().length > n, "a wait or the end");
    if (settled) return p;
    await vi.advanceTimersByTimeAsync(waits()[n]!);
  }
}

/** Advances the fake clock 1 ms at a time, letting real I/O run in between, until `cond` holds. */
export async function advanceUntil(cond: () => boolean, what = "condition"): Promise<void> {
  for (let i = 0; i < 2000; i++) {
    if (cond()) return;
    await vi.advanceTimersByTimeAsync(1);
    await new Promise((r) => setImmediate(r));
  }
  throw new Error(`gave up waiting for ${what}`);
}
