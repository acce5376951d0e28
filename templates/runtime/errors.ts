// Typed errors, so callers branch on a class or a field instead of parsing
// messages. Names live on the prototypes: they survive minification and are
// already set when the stack is captured.
import type { RateLimit } from "./rate-limit.js";

export interface ErrorDetails {
  status?: number | undefined;
  /** DigitalOcean's error id from the body, e.g. "not_found". */
  id?: string | undefined;
  requestId?: string | undefined;
  /** Response headers (never request headers, so no Authorization). */
  headers?: Record<string, string> | undefined;
  rateLimit?: RateLimit | undefined;
  cause?: unknown;
}

export class DigitalOceanError extends Error {
  static {
    this.prototype.name = "DigitalOceanError";
  }
  declare readonly status?: number;
  declare readonly id?: string;
  declare readonly requestId?: string;
  declare readonly headers?: Record<string, string>;
  declare readonly rateLimit?: RateLimit;
  constructor(message: string, { cause, ...details }: ErrorDetails = {}) {
    super(message, cause === undefined ? undefined : { cause });
    Object.assign(this, details);
  }
}

export class BadRequestError extends DigitalOceanError {
  static {
    this.prototype.name = "BadRequestError";
  }
}
export class AuthenticationError extends DigitalOceanError {
  static {
    this.prototype.name = "AuthenticationError";
  }
}
export class PermissionDeniedError extends DigitalOceanError {
  static {
    this.prototype.name = "PermissionDeniedError";
  }
}
export class NotFoundError extends DigitalOceanError {
  static {
    this.prototype.name = "NotFoundError";
  }
}
export class ConflictError extends DigitalOceanError {
  static {
    this.prototype.name = "ConflictError";
  }
}
export class UnprocessableEntityError extends DigitalOceanError {
  static {
    this.prototype.name = "UnprocessableEntityError";
  }
}
export class RateLimitError extends DigitalOceanError {
  static {
    this.prototype.name = "RateLimitError";
  }
}
export class InternalServerError extends DigitalOceanError {
  static {
    this.prototype.name = "InternalServerError";
  }
}
/** The request may or may not have reached the server (network failure, dropped connection). */
export class ConnectionError extends DigitalOceanError {
  static {
    this.prototype.name = "ConnectionError";
  }
}
/** An attempt outlived the `timeout` option. The caller's own abort is not this: it rejects with the signal's reason. */
export class TimeoutError extends ConnectionError {
  static {
    this.prototype.name = "TimeoutError";
  }
}
/** The client cannot send at all: no token, no fetch. Thrown before anything is sent. */
export class ConfigurationError extends DigitalOceanError {
  static {
    this.prototype.name = "ConfigurationError";
  }
}
/** A path argument or header value that could change the request's target or framing. Thrown before anything is sent. */
export class ArgumentError extends DigitalOceanError {
  static {
    this.prototype.name = "ArgumentError";
  }
}
/** A success response whose body could not be read as the operation promised (malformed or truncated JSON). */
export class InvalidResponseError extends DigitalOceanError {
  static {
    this.prototype.name = "InvalidResponseError";
  }
}

const byStatus: Record<number, typeof DigitalOceanError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

export const errorClass = (status: number): typeof DigitalOceanError =>
  byStatus[status] ?? (status >= 500 ? InternalServerError : DigitalOceanError);
