// Timers that never overflow: setTimeout fires a delay above 2^31 - 1 ms
// after 1 ms, which would turn a long wait (a 30-day Retry-After, an
// unlimited maxWait, a 40-day timeout) into a busy loop. Long delays are
// split into chunks instead.

/** The longest delay setTimeout honours (about 24.8 days). */
export const MAX_TIMER_DELAY = 2 ** 31 - 1;

/** Calls `fn` after `ms` (any length; Infinity never); returns the function that cancels it. */
export function after(ms: number, fn: () => void): () => void {
  const end = Date.now() + ms;
  let timer: ReturnType<typeof setTimeout>;
  const arm = (left: number) => {
    timer = setTimeout(() => (left > MAX_TIMER_DELAY ? arm(end - Date.now()) : fn()), Math.min(left, MAX_TIMER_DELAY));
  };
  arm(ms);
  return () => clearTimeout(timer);
}
