// Options are checked before anything is sent: a NaN (what Number() of an
// unset environment variable gives), a negative or fractional count, or a
// baseUrl that would leak a password or send requests elsewhere is a
// ConfigurationError naming the option, on the client and per request.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { Client, type ClientOptions, ConfigurationError } from "../../templates/runtime/index.ts";
import { clientFor, ops, TOKEN } from "./fixtures.ts";
import { startServer, type TestServer } from "./server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const bad: [keyof ClientOptions, unknown][] = [
  ["timeout", Number.NaN],
  ["timeout", -1],
  ["timeout", "5000"],
  ["maxRetries", Number.NaN],
  ["maxRetries", -1],
  ["maxRetries", 1.5],
  ["maxRetryDelay", Number.NaN],
  ["maxRetryDelay", -100],
  ["maxRequestsPerMinute", -1],
  ["maxRequestsPerMinute", 2.5],
  ["maxRequestsPerMinute", Number.NaN],
  ["maxPages", 0],
  ["maxPages", 1.5],
  ["maxPages", Number.NaN],
  ["maxRetries", Number.NEGATIVE_INFINITY],
];

describe("numeric options", () => {
  test.each(bad)("%s: %s is refused by the constructor, naming the option", (name, value) => {
    const make = () => new Client({ token: TOKEN, [name]: value });
    expect(make).toThrow(ConfigurationError);
    expect(make).toThrow(new RegExp(`^\`${name}\` must be a`));
  });

  test.each(bad)("%s: %s is refused per request, before sending", async (name, value) => {
    const error = await clientFor(server)
      .request(ops.getImage, [1], undefined, { [name]: value })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain(`\`${name}\``);
    expect(server.requests).toHaveLength(0);
  });

  test("the message says what is expected and what came", () => {
    expect(() => new Client({ maxRetries: Number.NaN })).toThrow(
      "`maxRetries` must be a whole number >= 0 or Infinity, got NaN",
    );
    expect(() => new Client({ timeout: "5000" as never })).toThrow(
      '`timeout` must be a number >= 0 or Infinity, got "5000"',
    );
    expect(() => new Client({ maxPages: 0 })).toThrow("`maxPages` must be a whole number >= 1 or Infinity, got 0");
  });

  test("Infinity means no limit, and is accepted for each", async () => {
    const infinite = Number.POSITIVE_INFINITY;
    const client = clientFor(server, {
      timeout: infinite,
      maxRetries: infinite,
      maxRetryDelay: infinite,
      maxRequestsPerMinute: infinite,
      maxPages: infinite,
    });
    expect(await client.request(ops.getImage, [1], undefined)).toEqual({});
  });

  test("0 where 0 makes sense: no timeout, no retries, no limiter", async () => {
    const client = clientFor(server, { timeout: 0, maxRetries: 0, maxRetryDelay: 0, maxRequestsPerMinute: 0 });
    expect(await client.request(ops.getImage, [1], undefined)).toEqual({});
  });

  test("an unknown logLevel, from the option or DIGITALOCEAN_LOG, is refused", async () => {
    expect(() => new Client({ logLevel: "verbose" as never })).toThrow(
      '`logLevel` must be one of off,error,warn,info,debug, got "verbose"',
    );
    await expect(
      clientFor(server).request(ops.getImage, [1], undefined, { logLevel: "loud" as never }),
    ).rejects.toThrow(ConfigurationError);
    expect(server.requests).toHaveLength(0);
  });
});

describe("baseUrl", () => {
  test.each([
    ["credentials", "https://user:hunter2@api.example.test"],
    ["a username alone", "https://hunter2@api.example.test"],
    ["a query", "https://api.example.test/?hunter2=1"],
    ["an empty query", "https://api.example.test/v2?"],
    ["a fragment", "https://api.example.test/#hunter2"],
    ["a file: URL", "file:///etc/hunter2"],
    ["a javascript: URL", "javascript:alert('hunter2')"],
    ["no scheme", "api.example.test/hunter2"],
    ["nothing", ""],
  ])("with %s is a ConfigurationError that never repeats it", async (_, baseUrl) => {
    const make = () => new Client({ token: TOKEN, baseUrl });
    expect(make).toThrow(ConfigurationError);
    expect(make).toThrow("`baseUrl` must be an absolute http(s) URL without credentials, query or fragment");
    try {
      make();
    } catch (error) {
      expect(JSON.stringify(error) + (error as Error).message + (error as Error).stack).not.toContain("hunter2");
    }
    const perRequest = await clientFor(server)
      .request(ops.getImage, [1], undefined, { baseUrl })
      .catch((e: unknown) => e);
    expect(perRequest).toBeInstanceOf(ConfigurationError);
    expect(server.requests).toHaveLength(0);
  });

  test("http and https with a path of their own are fine", async () => {
    expect(await clientFor(server, { baseUrl: `${server.url}/` }).request(ops.getImage, [1], undefined)).toEqual({});
    expect(() => new Client({ baseUrl: "https://proxy.example.test/digitalocean" })).not.toThrow();
  });
});
