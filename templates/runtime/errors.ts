// Typed errors, so callers branch on a class or a field instead of parsing
// messages. Names live on the prototypes: they survive minification and are
// already set when the stack is captured.
import type { RateLimit } from "./rate-limit.js";

export interface ErrorDetails {
  status?: number | undefined;
  /** DigitalOcean's error id from the body, e.g. "not_found". */
  id?: string | undefined;
  requestId?: string | undefined;
  /** The request's method, for errors of a request that was (or was about to be) sent. */
  method?: string | undefined;
  /** The request's URL (never carries the token or credentials). */
  url?: string | undefined;
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
  declare readonly method?: string;
  declare readonly url?: string;
  declare readonly headers?: Record<string, string>;
  declare readonly rateLimit?: RateLimit;
  constructor(message: string, { cause, ...details }: ErrorDetails = {}) {
    super(message, cause === undefined ? undefined : { cause });
    Object.assign(this, details);
  }

  /** What JSON.stringify shows: the fields worth logging (an Error's own message and name are not enumerable). */
  toJSON(): Record<string, unknown> {
    const { name, message, status, id, requestId, method, url } = this;
    return { name, message, status, id, requestId, method, url };
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
/** An option or the environment is unusable (no token, no fetch, a bad number or baseUrl). Thrown before anything is sent. */
export class ConfigurationError extends DigitalOceanError {
  static {
    this.prototype.name = "ConfigurationError";
  }
}
/** An argument that is unusable or could change the request's target or framing. Thrown before anything is sent. */
export class ArgumentError extends DigitalOceanError {
  static {
    this.prototype.name = "ArgumentError";
  }
}
/** A success response whose body is not what the operation promises (malformed JSON, empty, or no item list). */
export class InvalidResponseError extends DigitalOceanError {
  static {
    this.prototype.name = "InvalidResponseError";
  }
}
/** The server redirected to another origin, or a request that is not a GET or HEAD: nothing was re-sent. */
export class RedirectError extends DigitalOceanError {
  static {
    this.prototype.name = "RedirectError";
  }
  /** Where the redirect pointed (credentials removed); undefined where the runtime hides it (browsers). */
  declare readonly location?: string;
  constructor(message: string, details: ErrorDetails & { location?: string | undefined }) {
    super(message, details);
  }
}
/** Iteration reached the `maxPages` cap while the server still announced a next page. */
export class PageLimitError extends DigitalOceanError {
  static {
    this.prototype.name = "PageLimitError";
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

/**
 * `text` without the token or any URL credentials (`//user:password@`), for
 * messages built from what a server, a proxy or fetch itself said.
 */
export function redact(text: string, token: string | undefined): string {
  const scrubbed = text.replace(/\/\/[^\s/?#]*@/g, "//[REDACTED]@");
  return token ? scrubbed.split(token).join("[REDACTED]") : scrubbed;
}

type Cause = { name?: string; message?: string; stack?: string; cause?: unknown; code?: unknown } | undefined;

/**
 * The underlying failure to keep as an error's cause: the failure itself, or,
 * when its message, stack or cause chain mentions the token or URL
 * credentials, a scrubbed copy that keeps its name and code.
 */
export function scrubbedCause(failure: unknown, token: string): unknown {
  let text = "";
  for (let e = failure as Cause, depth = 0; e && depth < 4; e = e.cause as Cause, depth++)
    text += `${e.stack} ${e.message} `;
  if (redact(text, token) === text) return failure;
  const { name, message, code } = failure as NonNullable<Cause>;
  return Object.assign(new Error(redact(String(message), token)), { name, code, stack: "" });
}
