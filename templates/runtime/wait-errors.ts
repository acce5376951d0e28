// The two ways a wait ends without the awaited state, as classes callers can
// branch on; both carry what was last observed, so nothing is lost on failure.
// The last body can be large (a whole cluster), so it is kept out of
// console.log and util.inspect (not enumerable), though still on the error.
import { DigitalOceanError } from "./errors.js";

export interface WaitDetails<T> {
  state: unknown;
  data: T | undefined;
  /** Polls made, including one that maxWait cut short. */
  attempts: number;
  elapsed: number;
}

function assignDetails<T>(error: WaitError<T> | WaitTimeoutError<T>, details: WaitDetails<T> & { action?: T }): void {
  const { data, action, ...shown } = details;
  Object.assign(error, shown);
  Object.defineProperty(error, "data", { value: data });
  if (action !== undefined) Object.defineProperty(error, "action", { value: action });
}

/** The waited-on resource reached a failure state (an action `errored`, a load balancer `errored`, ...). */
export class WaitError<T = unknown> extends DigitalOceanError {
  static {
    this.prototype.name = "WaitError";
  }
  /** The state that ended the wait. */
  declare readonly state: unknown;
  /** The last response body (for waitForAction: the action). Not enumerable. */
  declare readonly data: T | undefined;
  /** Set by waitForAction: the errored action. Not enumerable. */
  declare readonly action?: T;
  declare readonly attempts: number;
  declare readonly elapsed: number;
  constructor(message: string, details: WaitDetails<T> & { action?: T }) {
    super(message);
    assignDetails(this, details);
  }

  override toJSON(): Record<string, unknown> {
    const { state, attempts, elapsed } = this;
    return { ...super.toJSON(), state, attempts, elapsed };
  }
}

/** `maxWait` ran out (or the rate budget allowed no further poll before it did). */
export class WaitTimeoutError<T = unknown> extends DigitalOceanError {
  static {
    this.prototype.name = "WaitTimeoutError";
  }
  /** The last state observed (undefined when no poll answered in time). */
  declare readonly state: unknown;
  /** The last response body observed. Not enumerable. */
  declare readonly data: T | undefined;
  declare readonly attempts: number;
  declare readonly elapsed: number;
  constructor(message: string, details: WaitDetails<T>) {
    super(message);
    assignDetails(this, details);
  }

  override toJSON(): Record<string, unknown> {
    const { state, attempts, elapsed } = this;
    return { ...super.toJSON(), state, attempts, elapsed };
  }
}
