// Step 2 of a call: one attempt. It sends, follows the redirects that may be
// followed, and reads the body, raced against the attempt's timeout and the
// caller's signal, so the call settles on time whatever `fetch` does (a
// custom fetch may ignore its signal, a server may never answer).
//
// Tearing the connection down: with a caller's signal, fetch gets a signal of
// the attempt's own that both the caller and the timeout abort. Without one,
// fetch gets no signal at all, because any signal costs Node's fetch real CPU
// on every request; a timed-out attempt then cancels the response body, at
// once if the response has come, or as soon as it does.
import { onAbort } from "./abort.js";
import type { Deadlines } from "./deadlines.js";
import { RedirectError } from "./errors.js";
import type { HttpMethod } from "./operation.js";
import type { Fetch } from "./options.js";

/** What an attempt that outlived its timeout rejects with. */
export const TIMED_OUT: unique symbol = Symbol("timed out");

/** Redirect statuses whose Location may be followed (same origin, GET or HEAD). */
const REDIRECTS = [301, 302, 303, 307, 308];
const MAX_REDIRECTS = 5;

export interface AttemptInput {
  fetch: Fetch;
  url: string;
  method: HttpMethod;
  headers: Record<string, string>;
  body: string | undefined;
  /** Read a success body as bytes (an ArrayBuffer) rather than text. */
  binary: boolean;
}

export interface Received {
  response: Response;
  payload: string | ArrayBuffer;
}

const decoder = new TextDecoder();

/** The URL to follow, undefined when `response` is not a redirect; a RedirectError when it may not be followed. */
function redirectTarget(response: Response, { method, url: first }: AttemptInput, url: string, hops: number) {
  // Browsers answer a manual redirect with an opaque response that hides the status and the Location.
  const location = REDIRECTS.includes(response.status) ? response.headers.get("location") : undefined;
  if (!location && response.type !== "opaqueredirect") return undefined;
  const from = new URL(url);
  let to: URL | undefined;
  try {
    if (location) to = new URL(location, url);
  } catch {
    // No Location (opaque), or not a URL: reported as hidden, never guessed at.
  }
  if (to?.origin === from.origin && !to.username && !to.password && /GET|HEAD/.test(method) && hops < MAX_REDIRECTS)
    return to.href;
  if (to) to.username = to.password = "";
  const status = response.status || undefined;
  throw new RedirectError(
    `${status ?? ""} ${method} ${from.pathname}${from.search}: redirected to ${to?.href ?? "a hidden location"}, not followed (only GET and HEAD are, ${MAX_REDIRECTS} times within ${from.origin})`.trim(),
    { status, method, url: first, location: to?.href },
  );
}

async function readAll(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) chunks.push(chunk.value);
  if (chunks.length === 1) return chunks[0]!;
  const bytes = new Uint8Array(chunks.reduce((size, c) => size + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

/**
 * Sends one attempt and reads its body. Rejects with TIMED_OUT at the
 * timeout, with the signal's reason when the caller aborts, with a
 * RedirectError, or with whatever fetch or the body stream threw.
 */
export function attempt(
  input: AttemptInput,
  timeout: number,
  deadlines: Deadlines,
  signal: AbortSignal | undefined,
): Promise<Received> {
  // Called unbound: a browser's fetch throws "Illegal invocation" when called as a method of another object.
  const { fetch } = input;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    let done = false;
    let response: Response | undefined;
    let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
    const controller = signal && new AbortController();
    /** Frees the connection behind a response that will not be read (further). */
    const discard = (r = response) => (reader ? reader.cancel() : r?.body?.cancel())?.catch(() => {});
    const settle = (fn: () => void) => {
      if (done) return;
      done = true;
      if (deadline) deadlines.remove(deadline);
      off();
      fn();
    };
    const stop = (reason: unknown) =>
      settle(() => {
        controller?.abort(reason);
        discard();
        reject(reason);
      });
    const deadline =
      timeout > 0 && timeout < Number.POSITIVE_INFINITY ? deadlines.add(timeout, () => stop(TIMED_OUT)) : undefined;
    const off = onAbort(signal, () => stop(signal!.reason));

    (async () => {
      for (let url = input.url, hops = 0; ; hops++) {
        const { method, headers, body = null } = input;
        response = await fetch(url, { method, headers, body, redirect: "manual", signal: controller?.signal ?? null });
        // Came after the timeout or an abort: nobody will read it (the rejection handler frees it).
        if (done) throw TIMED_OUT;
        const next = redirectTarget(response, input, url, hops);
        if (!next) break;
        discard();
        url = next;
      }
      reader = response.body?.getReader();
      const bytes = reader ? await readAll(reader) : new Uint8Array();
      return { response, payload: input.binary && response.ok ? bytes.slice().buffer : decoder.decode(bytes) };
    })().then(
      (received) => settle(() => resolve(received)),
      (error: unknown) => {
        discard();
        settle(() => reject(error));
      },
    );
  });
}
