// One "abort" listener per caller signal, however many calls, retries and
// waits share it: each adds a callback to the listener's set instead of a
// listener of its own, so a signal shared by thousands of calls never meets
// an EventTarget listener limit (Node's MaxListenersExceededWarning), and the
// listener is removed when the last callback leaves.

interface Listener {
  (): void;
  callbacks: Set<() => void>;
}

const listeners = new WeakMap<AbortSignal, Listener>();

/** What unsubscribing from no signal does; one function, not a new one per call. */
const nothing = (): void => {};

/** Calls `callback` once when `signal` aborts (at once if it has). Returns the function that unsubscribes. */
export function onAbort(signal: AbortSignal | undefined, callback: () => void): () => void {
  if (signal?.aborted) callback();
  if (!signal || signal.aborted) return nothing;
  let listener = listeners.get(signal);
  if (!listener) {
    const fire = (() => {
      listeners.delete(signal);
      for (const f of fire.callbacks) f();
    }) as Listener;
    fire.callbacks = new Set();
    listener = fire;
    listeners.set(signal, fire);
    signal.addEventListener("abort", fire);
  }
  const { callbacks } = listener;
  callbacks.add(callback);
  return () => {
    if (callbacks.delete(callback) && !callbacks.size) {
      listeners.delete(signal);
      signal.removeEventListener("abort", listener);
    }
  };
}
