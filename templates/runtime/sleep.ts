// One abortable wait, shared by retry backoff and waiters, so a caller's
// signal cancels every stage of a request, not only the fetch. Any length is
// safe: the timer underneath is split (timers.ts).
import { onAbort } from "./abort.js";
import { after } from "./timers.js";

/** Resolves after `ms`; rejects with the signal's reason as soon as it aborts. */
export const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const cancel = after(ms, () => {
      off();
      resolve();
    });
    const off = onAbort(signal, () => {
      cancel();
      reject(signal!.reason);
    });
  });
