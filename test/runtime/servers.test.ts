// Where a request goes (issue 11): an operation's own server instead of the
// client's baseUrl, its variables filled from the first path arguments, the
// `servers` option mapping a server to a base URL of the caller's choice, and
// run-time targets sent to verbatim. A second local origin stands in for the
// inference host.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import {
  ArgumentError,
  Client,
  ConfigurationError,
  type Fetch,
  type Operation,
  serverTarget,
} from "../../templates/runtime/index.ts";
import { INFERENCE, inferenceChat as chat, MODEL_KEY as KEY, TOKEN } from "./fixtures.ts";
import { json, startServer, type TestServer } from "./server.ts";

const AGENT = "https://{agent_url}";

const agentChat: Operation = {
  method: "POST",
  path: "/api/v1/chat/completions",
  body: "fields",
  fields: ["messages"],
  server: { url: AGENT, variables: ["agent_url"] },
  target: serverTarget,
  auth: "modelAccessKey",
};
const agentThing: Operation = {
  method: "GET",
  path: "/api/v1/things/{thing_id}",
  server: { url: AGENT, variables: ["agent_url"] },
  target: serverTarget,
  auth: "modelAccessKey",
};
/** An operation of the API itself that (wrongly) names another server while sending the token. */
const tokenElsewhere: Operation = {
  method: "GET",
  path: "/v2/things",
  server: { url: INFERENCE },
  target: serverTarget,
};

let api: TestServer;
let inference: TestServer;
beforeAll(async () => {
  api = await startServer(() => json(200, { from: "api" }));
  inference = await startServer(() => json(200, { from: "inference" }));
});
afterAll(async () => {
  await api.close();
  await inference.close();
});
beforeEach(() => {
  api.reset();
  inference.reset();
});
afterEach(() => vi.unstubAllEnvs());

/** A fetch that records where it was asked to go, and answers itself. */
const capture = () => {
  const urls: string[] = [];
  const f: Fetch = async (url) => {
    urls.push(url);
    return new Response('{"ok":true}', { headers: { "content-type": "application/json" } });
  };
  return { urls, fetch: f };
};

describe("an operation's own server", () => {
  test("is where it goes by default, not the client's baseUrl", async () => {
    const { urls, fetch } = capture();
    const client = new Client({ token: TOKEN, modelAccessKey: KEY, baseUrl: api.url, fetch });
    await client.request(chat, [], { model: "m", messages: [] });
    expect(urls).toEqual(["https://inference.do-ai.run/v1/chat/completions"]);
  });

  test("`servers` maps it to a base URL: the second origin gets the call with the access key, the API nothing", async () => {
    const client = new Client({
      token: TOKEN,
      modelAccessKey: KEY,
      baseUrl: api.url,
      servers: { [INFERENCE]: inference.url },
    });
    expect(await client.request(chat, [], { model: "m", messages: [] })).toEqual({ from: "inference" });
    expect(inference.requests).toHaveLength(1);
    expect(inference.requests[0]!.url).toBe("/v1/chat/completions");
    expect(inference.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(api.requests).toHaveLength(0);
  });

  test("`servers` per request, over the client's", async () => {
    const other = await startServer(() => json(200, { from: "other" }));
    try {
      const client = new Client({ modelAccessKey: KEY, servers: { [INFERENCE]: inference.url } });
      expect(await client.request(chat, [], {}, { servers: { [INFERENCE]: other.url } })).toEqual({ from: "other" });
    } finally {
      await other.close();
    }
  });

  test("a mapped base URL with a path of its own keeps it", async () => {
    const client = new Client({ modelAccessKey: KEY, servers: { [INFERENCE]: `${inference.url}/proxy/` } });
    await client.request(chat, [], {});
    expect(inference.requests[0]!.url).toBe("/proxy/v1/chat/completions");
  });
});

describe("server variables", () => {
  test("take the first path arguments, before the path parameters", async () => {
    const { urls, fetch } = capture();
    const client = new Client({ modelAccessKey: KEY, fetch });
    await client.request(agentChat, ["abc123.agents.do-ai.run"], { messages: [] });
    await client.request(agentThing, ["abc123.agents.do-ai.run", "t/1"], undefined);
    expect(urls).toEqual([
      "https://abc123.agents.do-ai.run/api/v1/chat/completions",
      "https://abc123.agents.do-ai.run/api/v1/things/t%2F1",
    ]);
  });

  test.each([
    ["empty", ""],
    ["with a scheme", "https://abc.agents.do-ai.run"],
    ["with a path", "abc.agents.do-ai.run/evil"],
    ["with a query", "abc?x=1"],
    ["with a fragment", "abc#x"],
    ["with credentials", "user@evil.example"],
    ["with a backslash", "evil.example\\abc"],
    ["with whitespace", "abc def"],
    ["a number", 42],
    ["missing", undefined],
  ])("a value %s is an ArgumentError naming the variable, nothing sent", async (_, value) => {
    const { urls, fetch } = capture();
    const error = await new Client({ modelAccessKey: KEY, fetch })
      .request(agentChat, [value], { messages: [] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArgumentError);
    expect((error as Error).message).toMatch(/^Server variable "agent_url" must be/);
    expect(urls).toHaveLength(0);
  });

  test("a server mapped by `servers` ignores its variables", async () => {
    const client = new Client({ modelAccessKey: KEY, servers: { [AGENT]: inference.url } });
    expect(await client.request(agentThing, ["anything at all", 7], undefined)).toEqual({ from: "inference" });
    expect(inference.requests[0]!.url).toBe("/api/v1/things/7");
  });
});

describe("the `servers` option is checked like baseUrl", () => {
  test.each([
    ["credentials", "https://user:hunter2@proxy.example.test"],
    ["a query", "https://proxy.example.test/?hunter2"],
    ["another scheme", "file:///hunter2"],
    ["not a URL", "hunter2"],
  ])("a base URL with %s is a ConfigurationError naming the server, never the URL", async (_, url) => {
    const make = () => new Client({ servers: { [INFERENCE]: url } });
    expect(make).toThrow(ConfigurationError);
    expect(make).toThrow(
      '`servers["https://inference.do-ai.run"]` must be an absolute http(s) URL without credentials, query or fragment',
    );
    try {
      make();
    } catch (error) {
      expect(JSON.stringify(error) + (error as Error).message + (error as Error).stack).not.toContain("hunter2");
    }
    const perRequest = await new Client({ modelAccessKey: KEY })
      .request(chat, [], {}, { servers: { [INFERENCE]: url } })
      .catch((e: unknown) => e);
    expect(perRequest).toBeInstanceOf(ConfigurationError);
    expect(inference.requests).toHaveLength(0);
  });

  test("servers itself must be an object", () => {
    expect(() => new Client({ servers: "http://x" as never })).toThrow(/^`servers` must be an object/);
  });

  test("the client keeps a copy: changing the object afterwards cannot skip the check", async () => {
    const servers: Record<string, string> = { [INFERENCE]: inference.url };
    const client = new Client({ modelAccessKey: KEY, servers });
    servers[INFERENCE] = "https://user:hunter2@evil.example";
    expect(await client.request(chat, [], {})).toEqual({ from: "inference" });
  });
});

describe("the API token stays with the API", () => {
  test("an operation that would send it to another origin is a ConfigurationError; nothing sent", async () => {
    const { urls, fetch } = capture();
    const client = new Client({ token: TOKEN, fetch });
    const error = await client.request(tokenElsewhere, [], undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toBe("GET /v2/things would send the API token to another origin than the API's");
    expect(urls).toHaveLength(0);
    const mapped = new Client({ token: TOKEN, baseUrl: api.url, servers: { [INFERENCE]: inference.url } });
    await expect(mapped.request(tokenElsewhere, [], undefined)).rejects.toThrow(ConfigurationError);
    expect(inference.requests).toHaveLength(0);
  });

  test("mapped to the API's own origin, it is the API, and the token goes", async () => {
    const client = new Client({ token: TOKEN, baseUrl: api.url, servers: { [INFERENCE]: `${api.url}/other` } });
    expect(await client.request(tokenElsewhere, [], undefined)).toEqual({ from: "api" });
    expect(api.requests[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });
});
