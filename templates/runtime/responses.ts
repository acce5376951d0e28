// What an attempt's outcome means. A success body is parsed as the operation
// promises, or is an InvalidResponseError; an error status becomes the typed
// error for it, with a message that names the request
// (`404 GET /v2/images/999: The resource you were accessing could not be found.`);
// no response at all is a TimeoutError or a ConnectionError.
import { TIMED_OUT } from "./attempt.js";
import { absent } from "./build-request.js";
import {
  ConnectionError,
  type DigitalOceanError,
  errorClass,
  InvalidResponseError,
  redact,
  scrubbedCause,
  TimeoutError,
} from "./errors.js";
import { type Call, secretsOf } from "./prepare.js";
import type { RateLimit } from "./rate-limit.js";

const SNIPPET_LENGTH = 200;

const snippet = (text: string) => {
  const s = text.replace(/\s+/g, " ").trim();
  return s.length > SNIPPET_LENGTH ? s.slice(0, SNIPPET_LENGTH) + "…" : s;
};

/** `404 GET /v2/images/999: what`, scrubbed of the credentials (a proxy may echo the request). */
function message(call: Call, status: number, what: string): string {
  const { pathname, search } = new URL(call.shown);
  return redact(`${status} ${call.method} ${pathname}${search}: ${what}`, secretsOf(call));
}

/**
 * Is `data` a page of a list? An object whose `items` key holds an array; a
 * missing or null key lists nothing where the spec lets the key be left out
 * (APIs may leave empty lists out, or send Go's nil slice).
 */
function isPage(data: unknown, items: string, itemsRequired: true | undefined): boolean {
  if (typeof data !== "object" || Array.isArray(data)) return false;
  const list = (data as Record<string, unknown>)[items];
  return Array.isArray(list) || (absent(list) && !itemsRequired);
}

export function parseBody(call: Call, response: Response, payload: string | ArrayBuffer, requestId?: string): unknown {
  const { response: kind = "json", items, itemsRequired } = call.op;
  let data: unknown;
  let problem: string | undefined;
  if (kind === "never") problem = "the API documents no success response for this operation";
  // A HEAD response never has a body, whatever the operation says.
  else if (kind === "none" || call.method === "HEAD") return undefined;
  else if (call.stream) return call.stream(response, call);
  else if (kind !== "json") return payload;
  else
    try {
      data = JSON.parse(payload as string);
      if (data === null) problem = "is null";
      else if (items && !isPage(data, items, itemsRequired)) problem = `has no "${items}" list`;
    } catch {
      const text = snippet(payload as string);
      problem = text ? "is not valid JSON: " + text : "is empty";
    }
  if (problem && kind === "json") problem = "the response body " + problem;
  if (problem)
    throw new InvalidResponseError(message(call, response.status, problem), {
      method: call.method,
      url: call.shown,
      status: response.status,
      requestId,
    });
  return data;
}

export function responseError(
  call: Call,
  response: Response,
  text: string,
  rateLimit: RateLimit | undefined,
): DigitalOceanError {
  let body: { id?: unknown; message?: unknown; request_id?: unknown } = {};
  try {
    body = Object(JSON.parse(text));
  } catch {
    // Not JSON (a proxy's HTML page, plain text): the snippet below carries it.
  }
  // Headers are iterable on every runtime (the DOM library types alone do not say so).
  const headers: Record<string, string> = Object.fromEntries(response.headers as unknown as [string, string][]);
  const str = (v: unknown) => (typeof v === "string" && v ? v : undefined);
  const { status, statusText } = response;
  const said = str(body.message) ?? (text ? `${statusText}: ${snippet(text)}` : statusText);
  return new (errorClass(status))(message(call, status, said), {
    method: call.method,
    url: call.shown,
    status,
    id: str(body.id),
    requestId: str(body.request_id) ?? headers["x-request-id"],
    headers,
    rateLimit,
  });
}

/** The error for an attempt that got no response: it timed out, or fetch (or the body stream) failed. */
export function transportError(call: Call, failure: unknown, timeout: number): DigitalOceanError {
  const { method, shown: url } = call;
  const secrets = secretsOf(call);
  return failure === TIMED_OUT
    ? new TimeoutError(`${method} ${url} timed out after ${timeout} ms`, { method, url })
    : new ConnectionError(redact(`${method} ${url} failed: ${(failure as Error)?.message}`, secrets), {
        method,
        url,
        cause: scrubbedCause(failure, secrets),
      });
}
