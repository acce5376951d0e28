// onRequest/onResponse see every attempt with what logging and tracing need,
// and never the token.
import { afterAll, afterEach, beforeAll, beforeEach, expect, test, vi } from "vitest";
import { type Fetch, type RequestHookInfo, type ResponseHookInfo, VERSION } from "../../templates/runtime/index.ts";
import { installClock } from "./fake-clock.ts";
import { TOKEN, clientFor, ops } from "./fixtures.ts";
import { json, startServer, text, type TestServer } from "./server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startServer(() =>
    json(
      201,
      { firewall: {} },
      {
        "x-request-id": "req-9",
        "ratelimit-limit": "250",
        "ratelimit-remaining": "7",
        "ratelimit-reset": "1900000000",
      },
    ),
  );
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const record = () => {
  const events: (["request", RequestHookInfo] | ["response", ResponseHookInfo])[] = [];
  return {
    events,
    onRequest: (i: RequestHookInfo) => void events.push(["request", i]),
    onResponse: (i: ResponseHookInfo) => void events.push(["response", i]),
  };
};

test("each attempt is reported with method, url, redacted headers, attempt, status, rate limit and request id", async () => {
  const { events, onRequest, onResponse } = record();
  server.reply(text(429, "slow down", { "retry-after": "0" }));
  await clientFor(server, { onRequest, onResponse, userAgent: "my-app/1.0" }).request(ops.createFirewall, [], {
    name: "fw",
  });
  const url = server.url + "/v2/firewalls";
  const headers = {
    accept: "application/json",
    "user-agent": `digitalocean-sdk/${VERSION} node/${process.versions.node} my-app/1.0`,
    "content-type": "application/json",
    authorization: "Bearer [REDACTED]",
  };
  expect(events).toEqual([
    ["request", { method: "POST", url, headers, attempt: 1 }],
    [
      "response",
      {
        method: "POST",
        url,
        headers,
        attempt: 1,
        status: 429,
        duration: expect.any(Number),
        rateLimit: undefined,
        requestId: undefined,
      },
    ],
    ["request", { method: "POST", url, headers, attempt: 2 }],
    [
      "response",
      {
        method: "POST",
        url,
        headers,
        attempt: 2,
        status: 201,
        duration: expect.any(Number),
        rateLimit: { limit: 250, remaining: 7, reset: new Date(1_900_000_000_000) },
        requestId: "req-9",
      },
    ],
  ]);
  // The wire still carries the real token.
  expect(server.requests.map((r) => r.headers.authorization)).toEqual([`Bearer ${TOKEN}`, `Bearer ${TOKEN}`]);
});

test("a failed connection reports the request but no response", async () => {
  const { events, onRequest, onResponse } = record();
  server.reply({ destroy: true });
  await clientFor(server, { onRequest, onResponse, maxRetries: 0 })
    .request(ops.createFirewall, [], {})
    .catch(() => {});
  expect(events.map(([kind]) => kind)).toEqual(["request"]);
});

test("per-request hooks replace the client's", async () => {
  const client = record();
  const perRequest = record();
  await clientFor(server, { onRequest: client.onRequest, onResponse: client.onResponse }).request(
    ops.getImage,
    [1],
    undefined,
    {
      onRequest: perRequest.onRequest,
      onResponse: perRequest.onResponse,
    },
  );
  expect(client.events).toEqual([]);
  expect(perRequest.events.map(([kind]) => kind)).toEqual(["request", "response"]);
});

test("duration is the time from sending to the response", async () => {
  installClock();
  try {
    const { events, onResponse } = record();
    const slowFetch: Fetch = async (url, init) => {
      vi.setSystemTime(Date.now() + 1234);
      return fetch(url, init);
    };
    await clientFor(server, { onResponse, fetch: slowFetch }).request(ops.getImage, [1], undefined);
    expect((events[0]![1] as ResponseHookInfo).duration).toBe(1234);
  } finally {
    vi.useRealTimers();
  }
});

afterEach(() => vi.useRealTimers());

test("hooks see other secret-looking headers redacted too; the wire still carries them", async () => {
  const { events, onRequest } = record();
  await clientFor(server, {
    onRequest,
    headers: { Cookie: "session=abc", "X-Auth-Token": "t1", "X-Team": "infra" },
  }).request(ops.getImage, [1], undefined);
  expect(events[0]![1].headers).toMatchObject({
    authorization: "Bearer [REDACTED]",
    cookie: "[REDACTED]",
    "x-auth-token": "[REDACTED]",
    "x-team": "infra",
  });
  expect(server.requests.at(-1)!.headers).toMatchObject({ cookie: "session=abc", "x-auth-token": "t1" });
});
