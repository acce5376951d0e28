// Abort and timeout hold whatever fetch does: the SDK races every attempt
// against its deadline and the caller's signal, one signal may be shared by
// any number of calls, an abort from a hook stops the attempt, and a
// timed-out attempt lets its connection go.
import { getEventListeners } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { type Fetch, type Operation, TimeoutError } from "../../templates/runtime/index.ts";
import { installClock } from "./fake-clock.ts";
import { clientFor, ops } from "./fixtures.ts";
import { json, startServer, text, type TestServer, until } from "./server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startServer((req) => (req.url === "/hang" ? { hang: true } : json(200, { image: { id: 1 } })));
});
afterAll(() => server.close());
beforeEach(() => server.reset());
afterEach(() => vi.useRealTimers());

const hang: Operation = { method: "GET", path: "/hang" };
const outcome = (p: Promise<unknown>) =>
  p.then(
    () => "resolved",
    (e: unknown) => e,
  );
/** A fetch that never settles and never looks at its signal. */
const deaf: Fetch = () => new Promise(() => {});

describe("a custom fetch that ignores init.signal", () => {
  test("still times out, exactly on time", async () => {
    installClock();
    let done = false;
    const p = outcome(clientFor(server, { fetch: deaf, timeout: 1000, maxRetries: 0 }).request(hang, [], undefined));
    void p.then(() => (done = true));
    await vi.advanceTimersByTimeAsync(999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await p).toBeInstanceOf(TimeoutError);
  });

  test("still aborts at once with the caller's reason", async () => {
    const controller = new AbortController();
    const p = outcome(clientFor(server, { fetch: deaf }).request(hang, [], undefined, { signal: controller.signal }));
    const reason = new Error("user left");
    controller.abort(reason);
    expect(await p).toBe(reason);
  });

  test("a response body that never ends is cut at the timeout too", async () => {
    const endless: Fetch = async () =>
      new Response(new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode('{"a":')) }));
    const p = outcome(clientFor(server, { fetch: endless, timeout: 30, maxRetries: 0 }).request(hang, [], undefined));
    expect(await p).toBeInstanceOf(TimeoutError);
  });
});

describe("one signal shared by many calls", () => {
  let warnings: Error[];
  const onWarning = (w: Error) => void warnings.push(w);
  beforeEach(() => {
    warnings = [];
    process.on("warning", onWarning);
  });
  afterEach(() => void process.off("warning", onWarning));

  test("200 concurrent calls, in flight and waiting to retry: one listener at most, none after, no warning", async () => {
    const controller = new AbortController();
    const { signal } = controller;
    const seen = new Set<string>();
    // Each call's first attempt fails, so every call also waits to retry.
    server.handle((req) => {
      if (seen.has(req.url)) return json(200, { url: req.url });
      seen.add(req.url);
      return text(503, "busy", { "retry-after": "0" });
    });
    const calls = Array.from({ length: 200 }, (_, i) =>
      clientFor(server).request(ops.getImage, [i], undefined, { signal }),
    );
    await until(() => server.requests.length >= 100, "calls in flight");
    expect(getEventListeners(signal, "abort").length).toBeLessThanOrEqual(1);
    await Promise.all(calls);
    expect(getEventListeners(signal, "abort")).toHaveLength(0);
    await new Promise((r) => setImmediate(r));
    expect(warnings.filter((w) => w.name === "MaxListenersExceededWarning")).toEqual([]);
  });

  test("aborting it ends every call sharing it", async () => {
    const controller = new AbortController();
    const calls = Array.from({ length: 50 }, () =>
      outcome(clientFor(server).request(hang, [], undefined, { signal: controller.signal })),
    );
    await until(() => server.requests.length === 50, "every call in flight");
    controller.abort();
    const results = await Promise.all(calls);
    expect(results.every((r) => (r as Error).name === "AbortError")).toBe(true);
  });
});

test("aborting from onRequest stops that attempt: nothing is sent", async () => {
  const controller = new AbortController();
  const reason = new Error("changed my mind");
  const p = outcome(
    clientFor(server).request(ops.getImage, [1], undefined, {
      signal: controller.signal,
      onRequest: () => controller.abort(reason),
    }),
  );
  expect(await p).toBe(reason);
  await new Promise((r) => setTimeout(r, 20));
  expect(server.requests).toHaveLength(0);
});

describe("a timed-out attempt lets its connection go", () => {
  let raw: Server;
  let url: string;
  /** Whether the connection that carried each request (by path) is still open. */
  const open = new Map<string, () => boolean>();
  let answerLate: (() => void) | undefined;
  beforeAll(async () => {
    raw = createServer((req, res) => {
      const socket = req.socket;
      let closed = false;
      socket.on("close", () => (closed = true));
      open.set(req.url ?? "", () => !closed);
      if (req.url === "/slow-body") return void res.writeHead(200, { "content-type": "application/json" }).write("{");
      // Answers only when the test says so: after the client has given up.
      answerLate = () => res.writeHead(200, { "content-type": "application/json" }).write("{");
    });
    await new Promise<void>((r) => raw.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(raw.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    raw.closeAllConnections();
    await new Promise((r) => raw.close(r));
  });

  test("a body that stops mid-way: the connection closes at the timeout", async () => {
    const client = clientFor({ url } as TestServer, { timeout: 50, maxRetries: 0 });
    expect(await outcome(client.request({ method: "GET", path: "/slow-body" }, [], undefined))).toBeInstanceOf(
      TimeoutError,
    );
    await until(() => open.get("/slow-body")?.() === false, "the connection to close");
  });

  test("a response that starts after the timeout is discarded as it arrives, closing its connection", async () => {
    const client = clientFor({ url } as TestServer, { timeout: 50, maxRetries: 0 });
    expect(await outcome(client.request({ method: "GET", path: "/late" }, [], undefined))).toBeInstanceOf(TimeoutError);
    expect(open.get("/late")?.()).toBe(true);
    answerLate!();
    await until(() => open.get("/late")?.() === false, "the connection to close");
  });
});
