// A scriptable local HTTP server for the runtime tests: each request is
// recorded (method, url, headers, body, fake-clock arrival time) and answered
// by the next queued reply, or by a handler for stateful scripts.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** Date.now() on arrival: the fake clock when a test installs one. */
  at: number;
}

export type Reply =
  | { status?: number; headers?: Record<string, string>; body?: string | Uint8Array; json?: unknown }
  /** Close the socket without answering. */
  | { destroy: true }
  /** Never answer (until the server closes). */
  | { hang: true }
  /** Send status and headers, then never finish the body. */
  | { hangBody: true }
  /** Announce `length` bytes, send `body`, then close the socket. */
  | { truncate: string; length: number };

export type Handler = (req: Received, index: number) => Reply;

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): Reply => ({
  status,
  json: body,
  headers,
});
export const text = (status: number, body: string, headers: Record<string, string> = {}): Reply => ({
  status,
  body,
  headers,
});

export interface TestServer {
  url: string;
  requests: Received[];
  /** Queue replies, used in order before the handler. */
  reply(...replies: Reply[]): void;
  handle(handler: Handler): void;
  /** Forget recorded requests and queued replies. */
  reset(): void;
  close(): Promise<void>;
}

export async function startServer(handler: Handler = () => json(200, {})): Promise<TestServer> {
  const requests: Received[] = [];
  const queue: Reply[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const rec: Received = {
      method: req.method ?? "",
      url: req.url ?? "",
      headers: req.headers,
      body: Buffer.concat(chunks).toString(),
      at: Date.now(),
    };
    requests.push(rec);
    const reply = queue.shift() ?? handler(rec, requests.length - 1);
    if ("destroy" in reply) return void req.socket.destroy();
    if ("hang" in reply) return;
    if ("hangBody" in reply) return void res.writeHead(200, { "content-type": "application/json" }).write("{");
    if ("truncate" in reply) {
      res.writeHead(200, { "content-type": "application/json", "content-length": String(reply.length) });
      return void res.write(reply.truncate, () => req.socket.destroy());
    }
    const body = reply.json === undefined ? reply.body : JSON.stringify(reply.json);
    res.writeHead(reply.status ?? 200, {
      ...(reply.json === undefined ? {} : { "content-type": "application/json" }),
      ...reply.headers,
    });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    reply: (...replies) => void queue.push(...replies),
    handle: (h) => {
      handler = h;
    },
    reset: () => {
      requests.splice(0);
      queue.splice(0);
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A URL on 127.0.0.1 where nothing listens, so connecting is refused. */
export async function closedPortUrl(): Promise<string> {
  const s = await startServer();
  await s.close();
  return s.url;
}

/**
 * Yields to real I/O until `cond` holds. Bounded by real time (process.hrtime,
 * which fake timers leave alone), not by a count of turns, which a loaded
 * machine can spend before a connection is even accepted; so a broken
 * expectation still fails instead of hanging.
 */
export async function until(cond: () => boolean, what = "condition"): Promise<void> {
  const elapsedMs = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e6;
  for (const started = process.hrtime.bigint(); elapsedMs(started) < 10_000; ) {
    if (cond()) return;
    await new Promise((r) => setImmediate(r));
  }
  if (!cond()) throw new Error(`gave up waiting for ${what}`);
}
