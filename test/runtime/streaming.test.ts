// Streamed responses end to end (issue 11): with `stream: true` an operation
// that can answer text/event-stream resolves to a Stream of parsed events,
// read as the server writes them, cut at awkward places. Leaving the loop or
// aborting closes the connection; an error frame, a broken connection or an
// idle stream rejects with a typed error; retries apply only before the first byte.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import {
  AuthenticationError,
  Client,
  ConnectionError,
  DigitalOceanError,
  InvalidResponseError,
  type Operation,
  readEventStream,
  type Stream,
  StreamError,
  TimeoutError,
} from "../../templates/runtime/index.ts";
import { INFERENCE, inferenceChat } from "./fixtures.ts";

const KEY = "mak_stream_key";

const chat: Operation = {
  ...inferenceChat,
  fields: ["model", "messages", "stream"],
  required: ["model"],
  stream: readEventStream,
};

type Chunk = { choices: { delta: { content?: string } }[] };
const chunk = (content: string) => `data: ${JSON.stringify({ choices: [{ delta: { content } }] })}\n\n`;

interface Seen {
  headers: IncomingMessage["headers"];
  body: string;
  /** Resolves when the client closed the connection. */
  closed: Promise<void>;
}
type Script = (res: ServerResponse, seen: Seen) => void | Promise<void>;

/** A server that answers each request with the next script, writing pieces as the script says. */
let url = "";
let scripts: Script[] = [];
const seen: Seen[] = [];
const server = createServer(async (req, res) => {
  let body = "";
  for await (const c of req) body += c;
  const closed = new Promise<void>((resolve) => res.on("close", () => resolve()));
  const entry = { headers: req.headers, body, closed };
  seen.push(entry);
  await scripts.shift()?.(res, entry);
});
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(
  () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
);
beforeEach(() => {
  scripts = [];
  seen.splice(0);
});

const tick = () => new Promise((r) => setTimeout(r, 1));
const sse = (res: ServerResponse) => res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8" });
/** Writes the text as bytes, one piece per cut, with a pause between (each piece its own TCP write). */
async function writeInPieces(res: ServerResponse, text: string, size: number) {
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += size) {
    res.write(bytes.subarray(i, i + size));
    await tick();
  }
}

const client = (options: ConstructorParameters<typeof Client>[0] = {}) =>
  new Client({ modelAccessKey: KEY, servers: { [INFERENCE]: url }, maxRetryDelay: 0, ...options });
const ask = (c = client(), options?: Parameters<Client["request"]>[3]) =>
  c.request<Stream<Chunk>>(
    chat,
    [],
    { model: "m", messages: [{ role: "user", content: "hi" }], stream: true },
    options,
  );
const collect = async (stream: Stream<Chunk>) => {
  const got: string[] = [];
  for await (const c of stream) got.push(c.choices[0]!.delta.content ?? "");
  return got;
};

describe("stream: true", () => {
  test("asks for text/event-stream with stream in the body, and yields the parsed chunks until [DONE]", async () => {
    scripts.push((res) => {
      sse(res);
      res.end(`${chunk("Hel")}: keep-alive\n\n${chunk("lo")}data: [DONE]\n\n${chunk("after done")}`);
    });
    expect(await collect(await ask())).toEqual(["Hel", "lo"]);
    expect(seen[0]!.headers.accept).toBe("text/event-stream");
    expect(seen[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(JSON.parse(seen[0]!.body)).toMatchObject({ model: "m", stream: true });
  });

  test("pieces cut anywhere: byte by byte, through CRLFs and multi-byte characters", async () => {
    const text = [chunk("héllo "), chunk("wörld 😀"), "data: [DONE]\n\n"].join("").replace(/\n/g, "\r\n");
    scripts.push(async (res) => {
      sse(res);
      await writeInPieces(res, text, 1);
      res.end();
    });
    expect(await collect(await ask())).toEqual(["héllo ", "wörld 😀"]);
  });

  test("events come as they are written, not when the response ends", async () => {
    let release!: () => void;
    const released = new Promise<void>((r) => {
      release = r;
    });
    scripts.push(async (res) => {
      sse(res);
      res.write(chunk("first"));
      await released;
      res.end(chunk("second"));
    });
    const iterator = (await ask())[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toEqual({ choices: [{ delta: { content: "first" } }] });
    release();
    expect((await iterator.next()).value).toEqual({ choices: [{ delta: { content: "second" } }] });
    expect((await iterator.next()).done).toBe(true);
  });

  test("the stream ends at the end of the body without [DONE] too", async () => {
    scripts.push((res) => {
      sse(res);
      res.end(chunk("only"));
    });
    expect(await collect(await ask())).toEqual(["only"]);
  });

  test("without stream: true, the same operation is a JSON call", async () => {
    scripts.push((res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"choices":[]}');
    });
    expect(await client().request(chat, [], { model: "m" })).toEqual({ choices: [] });
    expect(seen[0]!.headers.accept).toBe("application/json");
  });
});

describe("closing the connection", () => {
  test("breaking out of the loop closes it", async () => {
    scripts.push((res) => {
      sse(res);
      res.write(chunk("one"));
      res.write(chunk("two")); // and never ends
    });
    for await (const _ of await ask()) break;
    await seen[0]!.closed;
  });

  test("aborting mid-stream rejects with the signal's reason and closes it", async () => {
    scripts.push((res) => {
      sse(res);
      res.write(chunk("one")); // and never ends
    });
    const controller = new AbortController();
    const stream = await ask(client(), { signal: controller.signal });
    const iterator = stream[Symbol.asyncIterator]();
    await iterator.next();
    const pending = iterator.next();
    controller.abort(new Error("user left"));
    await expect(pending).rejects.toThrow("user left");
    await seen[0]!.closed;
  });

  test("aborting before iterating closes it too, and the iteration rejects with the reason", async () => {
    scripts.push((res) => {
      sse(res);
      res.write(chunk("one"));
    });
    const controller = new AbortController();
    const stream = await ask(client(), { signal: controller.signal });
    controller.abort(new Error("changed my mind"));
    await seen[0]!.closed;
    await expect(collect(stream)).rejects.toThrow("changed my mind");
  });

  test("close() without iterating closes it", async () => {
    scripts.push((res) => {
      sse(res);
      res.write(chunk("one"));
    });
    const stream = await ask();
    await stream.close();
    await seen[0]!.closed;
    expect(await collect(stream)).toEqual([]);
  });

  test("a stream is iterated once", async () => {
    scripts.push((res) => {
      sse(res);
      res.end(chunk("one"));
    });
    const stream = await ask();
    await collect(stream);
    expect(() => stream[Symbol.asyncIterator]()).toThrow(DigitalOceanError);
  });
});

describe("errors", () => {
  test("an `event: error` frame rejects with StreamError carrying its data", async () => {
    scripts.push((res) => {
      sse(res);
      res.end(`${chunk("partial")}event: error\ndata: {"message":"model overloaded","code":"overloaded"}\n\n`);
    });
    const got: string[] = [];
    const error = await (async () => {
      for await (const c of await ask()) got.push(c.choices[0]!.delta.content!);
    })().catch((e: unknown) => e);
    expect(got).toEqual(["partial"]);
    expect(error).toBeInstanceOf(StreamError);
    expect((error as Error).message).toMatch(/the stream sent an error: model overloaded$/);
    expect(error).toMatchObject({ data: { message: "model overloaded", code: "overloaded" } });
  });

  test("data with an `error` member rejects with StreamError; the key never shows", async () => {
    scripts.push((res) => {
      sse(res);
      res.end(`data: {"error":{"message":"bad key ${KEY}","type":"auth"}}\n\n`);
    });
    const error = await collect(await ask()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StreamError);
    expect((error as Error).message).toContain("bad key [REDACTED]");
  });

  test("data that is not JSON is an InvalidResponseError", async () => {
    scripts.push((res) => {
      sse(res);
      res.end("data: not json\n\n");
    });
    await expect(collect(await ask())).rejects.toThrow(InvalidResponseError);
  });

  test("a connection broken mid-stream rejects with ConnectionError, and is not retried", async () => {
    scripts.push((res) => {
      res.writeHead(200, { "content-type": "text/event-stream", "transfer-encoding": "chunked" });
      res.write(chunk("one"), () => setTimeout(() => res.socket?.destroy(), 5));
    });
    const got: string[] = [];
    const error = await (async () => {
      for await (const c of await ask(client({ maxRetries: 3 }))) got.push(c.choices[0]!.delta.content!);
    })().catch((e: unknown) => e);
    expect(got).toEqual(["one"]);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toMatch(/the stream broke/);
    expect(seen).toHaveLength(1);
  });

  test("a stream that sends nothing for `timeout` ms ends with TimeoutError and closes", async () => {
    scripts.push((res) => {
      sse(res);
      res.write(chunk("one")); // then silence
    });
    const got: string[] = [];
    const error = await (async () => {
      for await (const c of await ask(client({ timeout: 50 }))) got.push(c.choices[0]!.delta.content!);
    })().catch((e: unknown) => e);
    expect(got).toEqual(["one"]);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toMatch(/the stream sent nothing for 50 ms$/);
    await seen[0]!.closed;
  });

  test("before the first byte, retries apply as to any call (a 429 for a POST)", async () => {
    scripts.push(
      (res) => {
        res.writeHead(429, { "content-type": "application/json", "retry-after": "0" });
        res.end('{"id":"too_many_requests","message":"slow down"}');
      },
      (res) => {
        sse(res);
        res.end(chunk("ok"));
      },
    );
    expect(await collect(await ask())).toEqual(["ok"]);
    expect(seen).toHaveLength(2);
  });

  test("an error status is the typed HTTP error, read from its JSON body", async () => {
    scripts.push((res) => {
      res.writeHead(401, { "content-type": "application/json" });
      res.end('{"id":"unauthorized","message":"no such key"}');
    });
    const error = await ask().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toBe("401 POST /v1/chat/completions: no such key");
  });

  test("a success that is not an event stream is an InvalidResponseError, not retried", async () => {
    scripts.push((res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end("{}");
    });
    const error = await ask(client({ maxRetries: 3 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toMatch(/asked for text\/event-stream, got application\/json$/);
    expect(seen).toHaveLength(1);
  });
});
