// Per-attempt timeouts on one timer per client. A timer per attempt costs
// more than it seems: a sequential caller makes Node create, schedule and
// tear down its timer list on every request. Here the timer is armed for
// the earliest deadline and left armed when the client goes idle, only
// unreferenced (so it never keeps a process alive); later deadlines reuse it.
// Deadlines are kept on the monotonic clock, like timers themselves, so a
// wall-clock step (NTP, a resumed VM) neither cuts an attempt short nor
// stretches it.
import { MAX_TIMER_DELAY } from "./timers.js";

/** Milliseconds on a clock that never steps back or jumps, unlike the wall clock. */
const monotonic = (): number => performance.now();

export interface Deadline {
  /** The monotonic time at which `expire` runs. */
  readonly at: number;
  readonly expire: () => void;
}

type Timer = ReturnType<typeof setTimeout>;

/** Lets a timer keep the process alive, or not: Node and Bun timers are objects with ref/unref; Deno uses ids. */
function hold(timer: Timer | undefined, keep: boolean): void {
  const t = timer as unknown as { ref?: () => void; unref?: () => void } | undefined;
  if (typeof t === "object") keep ? t.ref?.() : t.unref?.();
  else (globalThis as { Deno?: Record<string, (id: unknown) => void> }).Deno?.[keep ? "refTimer" : "unrefTimer"]?.(t);
}

export class Deadlines {
  readonly #pending = new Set<Deadline>();
  #timer: Timer | undefined;
  /** When the armed timer fires; Infinity when none is armed. */
  #armedFor = Number.POSITIVE_INFINITY;

  /** Runs `expire` in `ms` (finite, > 0) unless the deadline is removed first. */
  add(ms: number, expire: () => void): Deadline {
    const deadline = { at: monotonic() + ms, expire };
    const pending = this.#pending;
    pending.add(deadline);
    if (deadline.at < this.#armedFor) this.#arm(deadline.at);
    else if (pending.size === 1) hold(this.#timer, true);
    return deadline;
  }

  remove(deadline: Deadline): void {
    if (this.#pending.delete(deadline) && !this.#pending.size) hold(this.#timer, false);
  }

  #arm(at: number): void {
    clearTimeout(this.#timer);
    this.#armedFor = at;
    this.#timer = setTimeout(() => this.#sweep(), Math.min(at - monotonic(), MAX_TIMER_DELAY));
  }

  #sweep(): void {
    const now = monotonic();
    let next = Number.POSITIVE_INFINITY;
    for (const deadline of this.#pending) {
      if (deadline.at <= now) {
        this.#pending.delete(deadline);
        deadline.expire();
      } else if (deadline.at < next) next = deadline.at;
    }
    this.#armedFor = next;
    this.#timer = undefined;
    if (next < Number.POSITIVE_INFINITY) this.#arm(next);
  }
}
