// The client's options, their defaults, and the checks that turn a bad value
// (NaN from an unset environment variable, a negative timeout, a baseUrl with
// a password in it) into a ConfigurationError before anything is sent,
// instead of a client that quietly retries forever or never times out.
import type { HttpMethod } from "./operation.js";
import { ConfigurationError } from "./errors.js";
import type { LogLevel, Logger } from "./log.js";
import type { RateLimit } from "./rate-limit.js";

export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

export interface RequestHookInfo {
  method: HttpMethod;
  url: string;
  /**
   * Lower-cased request headers; Authorization reads "Bearer [REDACTED]", and any header whose name
   * mentions a cookie, token, secret, password or key reads "[REDACTED]".
   */
  headers: Record<string, string>;
  /** 1 for the first attempt, 2 for the first retry, ... */
  attempt: number;
}

export interface ResponseHookInfo extends RequestHookInfo {
  status: number;
  /** Milliseconds from sending until the response body was read. */
  duration: number;
  rateLimit: RateLimit | undefined;
  requestId: string | undefined;
}

export interface ClientOptions {
  /** API token; defaults to the DIGITALOCEAN_TOKEN or DIGITALOCEAN_ACCESS_TOKEN environment variable where there is one. */
  token?: string | undefined;
  /** Default "https://api.digitalocean.com". An http(s) URL without credentials, query or fragment. */
  baseUrl?: string | undefined;
  /** Default: the global fetch. */
  fetch?: Fetch | undefined;
  /** Sent with every request; an undefined value removes a default. */
  headers?: Record<string, string | undefined> | undefined;
  /** Appended to the default User-Agent, `digitalocean-sdk/<version> <runtime>/<version>`. */
  userAgent?: string | undefined;
  /** Milliseconds per attempt (headers and body). Default 60000; 0 or Infinity disables. */
  timeout?: number | undefined;
  /** Retries after the first attempt. Default 2. */
  maxRetries?: number | undefined;
  /** Longest single wait before a retry, in ms. Default 60000. A server asking for longer gets its error thrown instead. */
  maxRetryDelay?: number | undefined;
  /** Opt-in client-side limiter: at most this many requests in any sliding minute. */
  maxRequestsPerMinute?: number | undefined;
  /** The most pages one iteration of a list fetches. Default 1000; past it, iteration throws PageLimitError. */
  maxPages?: number | undefined;
  /** Debug logging: "off" (default, or the DIGITALOCEAN_LOG environment variable), "error", "warn", "info", "debug". */
  logLevel?: LogLevel | undefined;
  /** Where log lines go; default the global console. */
  logger?: Logger | undefined;
  onRequest?: ((info: RequestHookInfo) => void) | undefined;
  onResponse?: ((info: ResponseHookInfo) => void) | undefined;
}

export interface RequestOptions extends ClientOptions {
  signal?: AbortSignal | undefined;
  /** Query parameters the spec does not describe; each replaces a parameter of the same name. */
  extraQuery?: Record<string, unknown> | undefined;
  /** Fields the spec does not describe, merged over the JSON object body (see the runtime README). */
  extraBody?: Record<string, unknown> | undefined;
}

export const DEFAULT_BASE_URL = "https://api.digitalocean.com";
export const DEFAULT_TIMEOUT = 60_000;
export const DEFAULT_MAX_RETRIES = 2;
export const DEFAULT_MAX_RETRY_DELAY = 60_000;
export const DEFAULT_MAX_PAGES = 1000;

/**
 * Checks one numeric option: a number >= `min`, whole where a count is
 * meant, and Infinity only where it means "no limit".
 */
export function checkNumber(name: string, value: unknown, whole: boolean, infinite = true, min = 0): void {
  if (
    value !== undefined &&
    !(
      typeof value === "number" &&
      value >= min &&
      (value === Number.POSITIVE_INFINITY ? infinite : !whole || value % 1 === 0)
    )
  )
    throw new ConfigurationError(
      `\`${name}\` must be a ${whole ? "whole " : ""}number >= ${min}${infinite ? " or Infinity" : ""}, got ${typeof value === "string" ? `"${value}"` : value}`,
    );
}

/** Checks the numeric options a client or a call was given: whole where a count is meant; Infinity means no limit. */
export function checkOptions(o: RequestOptions): void {
  checkNumber("timeout", o.timeout, false);
  checkNumber("maxRetries", o.maxRetries, true);
  checkNumber("maxRetryDelay", o.maxRetryDelay, false);
  checkNumber("maxRequestsPerMinute", o.maxRequestsPerMinute, true);
  checkNumber("maxPages", o.maxPages, true, true, 1);
}

/**
 * The base URL, checked to be one requests can safely be appended to. The
 * message never repeats it: it may hold a password.
 */
export function checkBaseUrl(baseUrl: string): string {
  let url: URL | undefined;
  try {
    url = new URL(baseUrl);
  } catch {
    // Not a URL: refused below.
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.username || url.password || /[?#]/.test(baseUrl))
    throw new ConfigurationError("`baseUrl` must be an absolute http(s) URL without credentials, query or fragment");
  return baseUrl;
}

/** An environment variable where the runtime has one: browsers have no process; Deno throws without --allow-env. */
export function env(name: string): string | undefined {
  try {
    return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name] || undefined;
  } catch {
    return undefined;
  }
}
