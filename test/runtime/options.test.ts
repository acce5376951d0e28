// Every client option has a default and can be overridden per request; the
// client can be subclassed the way the generated DigitalOcean class does.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { Client, ConfigurationError, type ClientOptions, type Fetch, VERSION } from "../../templates/runtime/index.ts";
import { TOKEN, clientFor, ops } from "./fixtures.ts";
import { json, startServer, type TestServer } from "./server.ts";

const SDK_UA = `digitalocean-sdk/${VERSION} node/${process.versions.node}`;

let server: TestServer;
let other: TestServer;
beforeAll(async () => {
  server = await startServer(() => json(200, { from: "server" }));
  other = await startServer(() => json(200, { from: "other" }));
});
afterAll(async () => {
  await server.close();
  await other.close();
});
beforeEach(() => {
  server.reset();
  other.reset();
});
afterEach(() => vi.unstubAllGlobals());

const capture = () => {
  const calls: { url: string; init: RequestInit }[] = [];
  const f: Fetch = async (url, init) => {
    calls.push({ url, init });
    return new Response('{"ok":true}', { status: 200 });
  };
  return { calls, fetch: f };
};

describe("defaults", () => {
  test("base URL, Accept, the SDK's User-Agent, global fetch, manual redirects", async () => {
    const { calls, fetch } = capture();
    vi.stubGlobal("fetch", fetch);
    await new Client({ token: TOKEN }).request(ops.getImage, [1], undefined);
    expect(calls[0]!.url).toBe("https://api.digitalocean.com/v2/images/1");
    expect(calls[0]!.init.method).toBe("GET");
    expect(calls[0]!.init.redirect).toBe("manual");
    expect(calls[0]!.init.headers).toEqual({
      accept: "application/json",
      "user-agent": `digitalocean-sdk/${VERSION} node/${process.versions.node}`,
      authorization: `Bearer ${TOKEN}`,
    });
  });

  test("fetch is called as a plain function, as a browser's window.fetch must be", async () => {
    // Chromium throws "Illegal invocation" when window.fetch is called as a method of another object.
    const unbound: Fetch = function (this: unknown, url, init) {
      if (this !== undefined) throw new TypeError("Illegal invocation");
      return fetch(url, init);
    };
    expect(await clientFor(server, { fetch: unbound }).request(ops.getImage, [1], undefined)).toEqual({
      from: "server",
    });
  });

  test("no fetch anywhere is a ConfigurationError", async () => {
    vi.stubGlobal("fetch", undefined);
    await expect(new Client({ token: TOKEN }).request(ops.getImage, [1], undefined)).rejects.toThrow(
      ConfigurationError,
    );
  });
});

describe("per-request overrides", () => {
  test("baseUrl", async () => {
    const client = clientFor(server);
    expect(await client.request(ops.getImage, [1], undefined, { baseUrl: other.url })).toEqual({ from: "other" });
    expect(await client.request(ops.getImage, [1], undefined)).toEqual({ from: "server" });
    expect([server.requests.length, other.requests.length]).toEqual([1, 1]);
  });

  test("fetch", async () => {
    const a = capture();
    const b = capture();
    const client = clientFor(server, { fetch: a.fetch });
    await client.request(ops.getImage, [1], undefined);
    await client.request(ops.getImage, [2], undefined, { fetch: b.fetch });
    expect(a.calls.map((c) => c.url)).toEqual([server.url + "/v2/images/1"]);
    expect(b.calls.map((c) => c.url)).toEqual([server.url + "/v2/images/2"]);
  });

  test("headers merge by name, case-insensitively; undefined removes a default", async () => {
    const client = clientFor(server, { headers: { "X-Team": "infra", "X-Trace": "client", "X-Drop": "me" } });
    await client.request(ops.getImage, [1], undefined, {
      headers: { "x-trace": "request", "x-drop": undefined, "X-New": "1" },
    });
    await client.request(ops.getImage, [1], undefined);
    const [first, second] = server.requests;
    expect([
      first!.headers["x-team"],
      first!.headers["x-trace"],
      first!.headers["x-drop"],
      first!.headers["x-new"],
    ]).toEqual(["infra", "request", undefined, "1"]);
    expect([second!.headers["x-trace"], second!.headers["x-drop"]]).toEqual(["client", "me"]);
  });

  test("userAgent is appended to the SDK's own", async () => {
    const client = clientFor(server, { userAgent: "client-ua/1" });
    await client.request(ops.getImage, [1], undefined);
    await client.request(ops.getImage, [1], undefined, { userAgent: "request-ua/2" });
    expect(server.requests.map((r) => r.headers["user-agent"])).toEqual([
      `${SDK_UA} client-ua/1`,
      `${SDK_UA} request-ua/2`,
    ]);
  });

  test("an undefined per-request value keeps the client's", async () => {
    const client = clientFor(server, { userAgent: "client-ua/1" });
    await client.request(ops.getImage, [1], undefined, { userAgent: undefined, baseUrl: undefined, token: undefined });
    expect(server.requests[0]!.headers["user-agent"]).toBe(`${SDK_UA} client-ua/1`);
  });
});

test("the client copies its options, so later changes to the object do not leak in", async () => {
  const options: ClientOptions = { token: TOKEN, baseUrl: server.url };
  const client = new Client(options);
  options.baseUrl = other.url;
  await client.request(ops.getImage, [1], undefined);
  expect(server.requests).toHaveLength(1);
});

test("subclassable like the generated DigitalOcean class", async () => {
  class DigitalOcean extends Client {
    constructor(options?: ClientOptions) {
      super({ userAgent: "my-wrapper/1.0.0", ...options });
    }
    images = { get: (id: number) => this.request<{ from: string }>(ops.getImage, [id], undefined) };
  }
  const client = new DigitalOcean({ token: TOKEN, baseUrl: server.url });
  expect(await client.images.get(3)).toEqual({ from: "server" });
  expect(server.requests[0]!.headers["user-agent"]).toBe(`${SDK_UA} my-wrapper/1.0.0`);
  expect(client).toBeInstanceOf(Client);
});

test("a custom fetch that adds to the headers it is given changes only its own call", async () => {
  let calls = 0;
  const addingOnce: Fetch = (url, init) => {
    // The second call is the first to use the headers the client built once for such calls.
    if (calls++ === 1) (init.headers as Record<string, string>)["x-added"] = "yes";
    return fetch(url, init);
  };
  const client = clientFor(server, { fetch: addingOnce });
  for (const id of [1, 2, 3]) await client.request(ops.getImage, [id], undefined);
  expect(server.requests.map((r) => r.headers["x-added"])).toEqual([undefined, "yes", undefined]);
});
