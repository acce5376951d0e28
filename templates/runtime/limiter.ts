// The opt-in client-side limiter (maxRequestsPerMinute): at most N sends in
// any sliding minute, handed out first come, first served. Waiting callers
// form one queue served by one timer, armed for when the head of the queue
// may go; a caller that aborts leaves the queue at once.
import { onAbort } from "./abort.js";

/** The sliding window, in ms. */
const WINDOW = 60_000;

interface Waiter {
  /** The limit this caller asked for (it is a per-request option). */
  max: number;
  go(): void;
}

export class Limiter {
  /** Send times within the last window, oldest first. */
  readonly #sent: number[] = [];
  readonly #queue: Waiter[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** Resolves when this caller may send, limited to `max` per window, in turn; rejects with the signal's reason. */
  take(max: number, signal: AbortSignal | undefined): Promise<void> {
    return new Promise((resolve, reject) => {
      const queue = this.#queue;
      const waiter: Waiter = {
        max,
        go: () => {
          off();
          resolve();
        },
      };
      const off = onAbort(signal, () => {
        const at = queue.indexOf(waiter);
        if (at >= 0) queue.splice(at, 1);
        reject(signal!.reason);
        // The next caller may have asked for another limit: its time is its own.
        if (!at) this.#serve();
      });
      if (!signal?.aborted && queue.push(waiter) === 1) this.#serve();
    });
  }

  /** Lets the head of the queue go while there is room, then arms the timer for the next head. */
  #serve(): void {
    const sent = this.#sent;
    const queue = this.#queue;
    clearTimeout(this.#timer);
    for (;;) {
      const now = Date.now();
      while (sent[0]! <= now - WINDOW) sent.shift();
      const head = queue[0];
      if (!head) return;
      if (sent.length >= head.max) {
        this.#timer = setTimeout(() => this.#serve(), sent[sent.length - head.max]! + WINDOW - now);
        return;
      }
      sent.push(now);
      queue.shift()!.go();
    }
  }
}
