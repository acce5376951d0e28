// Which failures are re-sent, counted at a real server: idempotent methods
// retry every transient failure, POST and PATCH only when the server certainly
// did not act. Waits are capped at 1 ms here; retry-waits.test.ts times them.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import {
  ConnectionError,
  InternalServerError,
  NotFoundError,
  RateLimitError,
  TimeoutError,
  type HttpMethod,
} from "../../templates/runtime/index.ts";
import { advanceUntil, installClock } from "./fake-clock.ts";
import { clientFor, opFor } from "./fixtures.ts";
import { closedPortUrl, json, startServer, text, until, type Reply, type TestServer } from "./server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startServer(() => json(200, { ok: true }));
});
afterAll(() => server.close());
beforeEach(() => server.reset());
afterEach(() => vi.useRealTimers());

const fast = () => clientFor(server, { maxRetryDelay: 1 });
const failure = (status: number): Reply => text(status, "transient");
const idempotent: HttpMethod[] = ["GET", "HEAD", "PUT", "DELETE"];
const transient = [408, 429, 500, 502, 503, 504];

describe("idempotent methods", () => {
  test.each(idempotent.flatMap((m) => transient.map((s) => [m, s] as const)))(
    "%s retries %i and then succeeds",
    async (method, status) => {
      server.reply(failure(status), failure(status));
      const { response } = await fast().request(opFor(method), [], {}).withResponse();
      expect(response.status).toBe(200);
      expect(server.requests.map((r) => r.method)).toEqual([method, method, method]);
    },
  );

  test.each(idempotent)("%s retries a dropped connection", async (method) => {
    server.reply({ destroy: true });
    await fast().request(opFor(method), [], {});
    expect(server.requests).toHaveLength(2);
  });

  test("GET retries a timed-out attempt", async () => {
    installClock();
    server.reply({ hang: true });
    const p = clientFor(server, { maxRetryDelay: 1, timeout: 1000 }).request(opFor("GET"), [], undefined);
    await until(() => server.requests.length === 1);
    await vi.advanceTimersByTimeAsync(1000);
    await advanceUntil(() => server.requests.length === 2, "the retry");
    expect(await p).toEqual({ ok: true });
  });

  test("gives up after maxRetries (default 2) with the last error", async () => {
    server.reply(failure(503), failure(503), failure(503));
    await expect(fast().request(opFor("GET"), [], undefined)).rejects.toThrow(InternalServerError);
    expect(server.requests).toHaveLength(3);
  });

  test("maxRetries per client and per request", async () => {
    server.reply(failure(503), failure(503), failure(503), failure(503), failure(503));
    await expect(clientFor(server, { maxRetries: 0 }).request(opFor("GET"), [], undefined)).rejects.toThrow(
      InternalServerError,
    );
    expect(server.requests).toHaveLength(1);
    await expect(
      clientFor(server, { maxRetries: 0, maxRetryDelay: 1 }).request(opFor("GET"), [], undefined, { maxRetries: 3 }),
    ).rejects.toThrow(InternalServerError);
    expect(server.requests).toHaveLength(5);
  });

  test("client errors are not retried", async () => {
    server.reply(json(404, { id: "not_found", message: "nope" }));
    await expect(fast().request(opFor("GET"), [], undefined)).rejects.toThrow(NotFoundError);
    expect(server.requests).toHaveLength(1);
  });
});

describe.each(["POST", "PATCH"] as const)("%s", (method) => {
  test.each([408, 500, 502, 503, 504])("is sent exactly once after a %i", async (status) => {
    server.reply(failure(status));
    await expect(fast().request(opFor(method), [], { name: "x" })).rejects.toMatchObject({ status });
    expect(server.requests).toHaveLength(1);
  });

  test("is sent exactly once after a dropped connection", async () => {
    server.reply({ destroy: true });
    await expect(fast().request(opFor(method), [], { name: "x" })).rejects.toThrow(ConnectionError);
    expect(server.requests).toHaveLength(1);
  });

  test("is sent exactly once after a timeout", async () => {
    installClock();
    server.reply({ hang: true });
    const attempts: number[] = [];
    const p = clientFor(server, { maxRetryDelay: 1, timeout: 1000, onRequest: (i) => attempts.push(i.attempt) })
      .request(opFor(method), [], { name: "x" })
      .catch((e: unknown) => e);
    await until(() => server.requests.length === 1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await p).toBeInstanceOf(TimeoutError);
    expect(attempts).toEqual([1]);
    expect(server.requests).toHaveLength(1);
  });

  test("is retried after a 429, with the same body", async () => {
    server.reply(failure(429), failure(429));
    await fast().request(opFor(method), [], { name: "x" });
    expect(server.requests.map((r) => r.body)).toEqual(Array(3).fill('{"name":"x"}'));
  });

  test("gives up on 429 after maxRetries with RateLimitError", async () => {
    server.reply(failure(429), failure(429), failure(429));
    await expect(fast().request(opFor(method), [], {})).rejects.toThrow(RateLimitError);
    expect(server.requests).toHaveLength(3);
  });

  test("is retried when the connection was refused, since nothing was sent", async () => {
    const attempts: number[] = [];
    const client = clientFor(server, {
      baseUrl: await closedPortUrl(),
      maxRetryDelay: 1,
      onRequest: (i) => attempts.push(i.attempt),
    });
    const error = await client.request(opFor(method), [], {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect(attempts).toEqual([1, 2, 3]);
  });
});
