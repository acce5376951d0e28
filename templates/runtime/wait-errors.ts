// The two ways a wait ends without the awaited state, as classes callers can
// branch on; both carry what was last observed, so nothing is lost on failure.
import { DigitalOceanError } from "./errors.js";

export interface WaitDetails<T> {
  state: unknown;
  data: T | undefined;
  attempts: number;
  elapsed: number;
}

/** The waited-on resource reached a failure state (an action `errored`, a load balancer `errored`, ...). */
export class WaitError<T = unknown> extends DigitalOceanError {
  static {
    this.prototype.name = "WaitError";
  }
  /** The state that ended the wait. */
  declare readonly state: unknown;
  /** The last response body (for waitForAction: the action). */
  declare readonly data: T | undefined;
  /** Set by waitForAction: the errored action. */
  declare readonly action?: T;
  declare readonly attempts: number;
  declare readonly elapsed: number;
  constructor(message: string, details: WaitDetails<T> & { action?: T }) {
    super(message);
    Object.assign(this, details);
  }
}

/** `maxWait` ran out (or the rate budget allowed no further poll before it did). */
export class WaitTimeoutError<T = unknown> extends DigitalOceanError {
  static {
    this.prototype.name = "WaitTimeoutError";
  }
  /** The last state observed. */
  declare readonly state: unknown;
  /** The last response body observed. */
  declare readonly data: T | undefined;
  declare readonly attempts: number;
  declare readonly elapsed: number;
  constructor(message: string, details: WaitDetails<T>) {
    super(message);
    Object.assign(this, details);
  }
}
