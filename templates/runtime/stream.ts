// Streamed responses: an operation that can answer text/event-stream names
// readEventStream in its descriptor, so this module (and the parser) is only
// bundled by apps that import such an operation. The call resolves once the
// response's headers have come (so retries apply only up to then), to a
// Stream that reads and parses the body as the caller iterates it.
//
// Reading is bounded like an attempt: the caller's signal ends it at once,
// and a stream that sends nothing for `timeout` ms ends with TimeoutError.
// Either way, and when the caller stops iterating, the connection is closed.
import { onAbort } from "./abort.js";
import {
  ConnectionError,
  DigitalOceanError,
  type ErrorDetails,
  InvalidResponseError,
  redact,
  scrubbedCause,
  TimeoutError,
} from "./errors.js";
import { eventStreamParser, type ServerSentEvent } from "./event-stream.js";
import { DEFAULT_TIMEOUT } from "./options.js";
import { type Call, secretsOf } from "./prepare.js";
import { after } from "./timers.js";

export { eventStreamParser, type ServerSentEvent } from "./event-stream.js";

/** What an operation's `stream` field holds: reads a success response as a Stream. */
export type StreamReader = (response: Response, call: Call) => Stream<unknown>;

/** The stream sent an error: an `event: error`, or data with an `error` member. */
export class StreamError extends DigitalOceanError {
  static {
    this.prototype.name = "StreamError";
  }
  /** The error frame's data: parsed JSON where it was JSON, else its text. */
  declare readonly data: unknown;
  constructor(message: string, details: ErrorDetails & { data: unknown }) {
    super(message, details);
  }
}

/** What an idle stream's timer stops it with. */
const IDLE: unique symbol = Symbol("idle");

const errorMessage = (data: unknown): string => {
  const error = (data as { error?: unknown } | null)?.error ?? data;
  const text = (error as { message?: unknown } | null)?.message ?? error;
  return typeof text === "string" ? text : JSON.stringify(text);
};

/**
 * The parsed events of a streamed response, in order: `for await` yields each
 * event's data, parsed as JSON, and ends at the `[DONE]` sentinel or the end
 * of the body. It can be iterated once. Breaking out of the loop, `close()`,
 * or the call's signal closes the connection; an error frame rejects with
 * StreamError, a connection that breaks with ConnectionError, a stream idle
 * for longer than `timeout` with TimeoutError.
 */
export class Stream<T> implements AsyncIterable<T> {
  readonly #reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  readonly #call: Call;
  #used = false;
  /** Why reading stopped early (the signal's reason, IDLE, or undefined for a plain close). */
  #stopped?: { reason: unknown };
  /** Stops listening to the call's signal. */
  readonly #off: () => void;

  constructor(response: Response, call: Call) {
    this.#reader = response.body?.getReader();
    this.#call = call;
    // From the start, not only while iterating: an abort before the first `next()` closes the connection too.
    const { signal } = call.options;
    this.#off = onAbort(signal, () => this.#stop(signal!.reason));
  }

  /** Stops reading and closes the connection; an iteration in progress ends. */
  async close(): Promise<void> {
    this.#stop(undefined);
  }

  #stop(reason: unknown): void {
    this.#stopped ??= { reason };
    this.#off?.();
    this.#reader?.cancel().catch(() => {});
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    if (this.#used) throw new DigitalOceanError("A stream can be iterated only once");
    this.#used = true;
    return this.#events();
  }

  async *#events(): AsyncGenerator<T, void, undefined> {
    const reader = this.#reader;
    const call = this.#call;
    const { method, shown: url, options } = call;
    const details = { method, url };
    const timeout = options.timeout ?? DEFAULT_TIMEOUT;
    const decoder = new TextDecoder();
    const parse = eventStreamParser();
    try {
      for (;;) {
        if (!reader || this.#stopped) break;
        const idle = timeout > 0 && timeout < Infinity ? after(timeout, () => this.#stop(IDLE)) : undefined;
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await reader.read();
        } catch (failure) {
          if (this.#stopped) break;
          const secrets = secretsOf(call);
          throw new ConnectionError(
            redact(`${method} ${url}: the stream broke: ${(failure as Error)?.message}`, secrets),
            { ...details, cause: scrubbedCause(failure, secrets) },
          );
        } finally {
          idle?.();
        }
        if (this.#stopped) break;
        const text = chunk.done ? decoder.decode() : decoder.decode(chunk.value, { stream: true });
        for (const event of parse(text)) {
          if (event.data === "[DONE]") return;
          yield this.#data(event, details);
        }
        if (chunk.done) return;
      }
      const stopped = this.#stopped?.reason;
      if (stopped === IDLE)
        throw new TimeoutError(`${method} ${url}: the stream sent nothing for ${timeout} ms`, details);
      if (stopped !== undefined) throw stopped;
    } finally {
      // Ended, broken, or left by the caller: nothing more will be read, so the connection goes.
      this.#stop(undefined);
    }
  }

  #data(event: ServerSentEvent, details: ErrorDetails): T {
    let data: unknown;
    try {
      data = JSON.parse(event.data);
    } catch {
      if (event.event !== "error")
        throw new InvalidResponseError(
          redact(
            `${details.method} ${details.url}: an event's data is not valid JSON: ${event.data.slice(0, 200)}`,
            secretsOf(this.#call),
          ),
          details,
        );
      data = event.data;
    }
    if (event.event === "error" || (data !== null && typeof data === "object" && "error" in data))
      throw new StreamError(
        redact(
          `${details.method} ${details.url}: the stream sent an error: ${errorMessage(data)}`,
          secretsOf(this.#call),
        ),
        { ...details, data },
      );
    return data as T;
  }
}

/**
 * The StreamReader of every operation that can answer text/event-stream: the
 * generator puts it in their descriptors as `stream: readEventStream`. A
 * success response of another media type is an InvalidResponseError.
 */
export const readEventStream: StreamReader = (response, call) => {
  const type = response.headers.get("content-type") ?? "";
  if (!/^text\/event-stream\b/i.test(type)) {
    response.body?.cancel().catch(() => {});
    throw new InvalidResponseError(
      `${response.status} ${call.method} ${call.shown}: asked for text/event-stream, got ${type || "no content type"}`,
      { method: call.method, url: call.shown, status: response.status },
    );
  }
  return new Stream(response, call);
};
