// Where the token comes from, what happens without one, and that it never
// leaks into messages, serialised errors, inspected objects or hooks.
import { inspect } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import {
  ArgumentError,
  Client,
  ConfigurationError,
  type Fetch,
  type RequestHookInfo,
} from "../../templates/runtime/index.ts";
import { TOKEN, ops } from "./fixtures.ts";
import { closedPortUrl, json, startServer, text, type TestServer } from "./server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

const clear = () => {
  vi.stubEnv("DIGITALOCEAN_TOKEN", "");
  vi.stubEnv("DIGITALOCEAN_ACCESS_TOKEN", "");
};

const sentAuth = async (client: Client) => {
  await client.request(ops.getImage, [1], undefined);
  return server.requests.at(-1)!.headers.authorization;
};

describe("token source", () => {
  test("DIGITALOCEAN_TOKEN", async () => {
    clear();
    vi.stubEnv("DIGITALOCEAN_TOKEN", "from-env-1");
    expect(await sentAuth(new Client({ baseUrl: server.url }))).toBe("Bearer from-env-1");
  });

  test("DIGITALOCEAN_ACCESS_TOKEN", async () => {
    clear();
    vi.stubEnv("DIGITALOCEAN_ACCESS_TOKEN", "from-env-2");
    expect(await sentAuth(new Client({ baseUrl: server.url }))).toBe("Bearer from-env-2");
  });

  test("the option wins over the environment, and a per-request token over both", async () => {
    vi.stubEnv("DIGITALOCEAN_TOKEN", "from-env-1");
    const client = new Client({ baseUrl: server.url, token: "from-option" });
    expect(await sentAuth(client)).toBe("Bearer from-option");
    await client.request(ops.getImage, [1], undefined, { token: "per-request" });
    expect(server.requests.at(-1)!.headers.authorization).toBe("Bearer per-request");
  });

  test("a runtime without process (browser) or whose env throws (Deno without --allow-env) just has no env token", async () => {
    vi.stubEnv("DIGITALOCEAN_TOKEN", "from-env-1");
    vi.stubGlobal("process", undefined);
    const browser = new Client({ baseUrl: server.url });
    vi.unstubAllGlobals();
    vi.stubGlobal("process", {
      get env(): never {
        throw new Error("Requires env access");
      },
    });
    const deno = new Client({ baseUrl: server.url });
    vi.unstubAllGlobals();
    await expect(browser.request(ops.getImage, [1], undefined)).rejects.toThrow(ConfigurationError);
    await expect(deno.request(ops.getImage, [1], undefined)).rejects.toThrow(ConfigurationError);
  });
});

test("a missing token fails with ConfigurationError before any request is sent", async () => {
  clear();
  const before = server.requests.length;
  const client = new Client({ baseUrl: server.url });
  await expect(client.request(ops.getImage, [1], undefined)).rejects.toThrow(ConfigurationError);
  await expect(client.request(ops.getImage, [1], undefined)).rejects.toThrow(/DIGITALOCEAN_TOKEN/);
  const pages = client.paginate(ops.listDroplets, [], undefined);
  await expect(pages.pages().next()).rejects.toThrow(ConfigurationError);
  expect(server.requests.length).toBe(before);
});

describe("the token never shows", () => {
  const leaks = (value: unknown) => {
    const views = [String(value), JSON.stringify(value) ?? "", inspect(value, { depth: 20, showHidden: true })];
    if (value instanceof Error) views.push(value.message, value.stack ?? "");
    return views.some((v) => v.includes(TOKEN));
  };

  test("the leak check itself sees a token when there is one", () => {
    expect(leaks(new Error(TOKEN))).toBe(true);
    expect(leaks({ headers: { authorization: TOKEN } })).toBe(true);
  });

  test("in HTTP errors (message, JSON.stringify, util.inspect, stack)", async () => {
    server.reply(
      json(401, { id: "unauthorized", message: "Unable to authenticate you" }),
      text(500, "upstream exploded"),
    );
    const client = new Client({ baseUrl: server.url, token: TOKEN, maxRetries: 0 });
    const e401 = await client.request(ops.getImage, [1], undefined).catch((e: unknown) => e);
    const e500 = await client.request(ops.getImage, [1], undefined).catch((e: unknown) => e);
    expect(e401).toHaveProperty("status", 401);
    expect(e500).toHaveProperty("status", 500);
    expect(leaks(e401)).toBe(false);
    expect(leaks(e500)).toBe(false);
  });

  test("in connection and timeout errors", async () => {
    const refused = new Client({ baseUrl: await closedPortUrl(), token: TOKEN, maxRetries: 0 });
    const eConn = await refused.request(ops.getImage, [1], undefined).catch((e: unknown) => e);
    const never: Fetch = (_, init) =>
      new Promise((_, reject) => init.signal?.addEventListener("abort", () => reject(init.signal?.reason)));
    const slow = new Client({ baseUrl: server.url, token: TOKEN, maxRetries: 0, timeout: 20, fetch: never });
    const eTimeout = await slow.request(ops.getImage, [1], undefined).catch((e: unknown) => e);
    expect(eConn).toHaveProperty("name", "ConnectionError");
    expect(eTimeout).toHaveProperty("name", "TimeoutError");
    expect(leaks(eConn)).toBe(false);
    expect(leaks(eTimeout)).toBe(false);
  });

  test.each([
    ["NUL", "\u0000"],
    ["CR LF", "\r\n"],
    ["a control character", "\u0007"],
    ["DEL", "\u007f"],
    ["text beyond Latin-1", "€"],
  ])("a token with %s is an ArgumentError before sending, never retried, never shown", async (_, bad) => {
    const token = TOKEN + bad;
    const before = server.requests.length;
    const client = new Client({ baseUrl: server.url, token, maxRetries: 3 });
    const error = await client.request(ops.getImage, [1], undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArgumentError);
    expect((error as Error).message).toMatch(/"authorization"/);
    expect(leaks(error)).toBe(false);
    expect(server.requests.length).toBe(before);
  });

  test("in errors built from an underlying failure's message: token and URL credentials scrubbed", async () => {
    const failing: Fetch = async () => {
      throw Object.assign(
        new TypeError(`could not send Bearer ${TOKEN} via https://user:hunter2@proxy.example.test/`, {
          cause: new Error(`socket for ${TOKEN} closed`),
        }),
        { code: "EPROXY" },
      );
    };
    const client = new Client({ baseUrl: server.url, token: TOKEN, fetch: failing, maxRetries: 0 });
    const error = (await client.request(ops.getImage, [1], undefined).catch((e: unknown) => e)) as Error;
    expect(error).toHaveProperty("name", "ConnectionError");
    expect(leaks(error)).toBe(false);
    expect(inspect(error, { depth: 20 })).not.toContain("hunter2");
    expect(error.message).toContain("could not send Bearer [REDACTED] via https://[REDACTED]@proxy.example.test/");
    // The cause becomes a scrubbed copy that keeps its name and code.
    expect(error.cause).toMatchObject({
      name: "TypeError",
      code: "EPROXY",
      message: "could not send Bearer [REDACTED] via https://[REDACTED]@proxy.example.test/",
    });
  });

  test("in HTTP errors whose body echoes the Authorization header", async () => {
    server.reply(json(400, { id: "bad_request", message: `malformed header: Bearer ${TOKEN}` }));
    const client = new Client({ baseUrl: server.url, token: TOKEN, maxRetries: 0 });
    const error = await client.request(ops.getImage, [1], undefined).catch((e: unknown) => e);
    expect((error as Error).message).toBe("400 GET /v2/images/1: malformed header: Bearer [REDACTED]");
    expect(leaks(error)).toBe(false);
  });

  test("in the client object and in hook info", async () => {
    const seen: RequestHookInfo[] = [];
    const client = new Client({
      baseUrl: server.url,
      token: TOKEN,
      onRequest: (i) => seen.push(i),
      onResponse: (i) => seen.push(i),
    });
    await client.request(ops.getImage, [1], undefined);
    expect(server.requests.at(-1)!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(seen).toHaveLength(2);
    expect(seen.every((i) => i.headers.authorization === "Bearer [REDACTED]")).toBe(true);
    expect(leaks(seen)).toBe(false);
    expect(leaks(client)).toBe(false);
  });
});
