// Debug logging: off by default, on through logLevel or DIGITALOCEAN_LOG,
// one line per attempt, response, retry and failure, with method, URL,
// status, duration, attempt, retry delay and request id, to any
// console-compatible logger; never the token.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { Client, type Logger, type LogLevel } from "../../templates/runtime/index.ts";
import { clientFor, ops, TOKEN } from "./fixtures.ts";
import { json, startServer, text, type TestServer } from "./server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startServer(() => json(200, { image: { id: 1 } }, { "x-request-id": "req-1" }));
});
afterAll(() => server.close());
beforeEach(() => server.reset());
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

/** A console-compatible logger that records [level, line, details]. */
function recorder() {
  const lines: [string, string, unknown?][] = [];
  const at =
    (level: string) =>
    (line: string, ...details: unknown[]) =>
      void lines.push(details.length ? [level, line, details[0]] : [level, line]);
  const logger: Logger = { error: at("error"), warn: at("warn"), info: at("info"), debug: at("debug") };
  return { lines, logger };
}

const url = () => `${server.url}/v2/images/1`;

test("off by default: nothing is written, not even to the console", async () => {
  const { lines, logger } = recorder();
  const spies = (["error", "warn", "info", "debug", "log"] as const).map((m) => vi.spyOn(console, m));
  await clientFor(server, { logger }).request(ops.getImage, [1], undefined);
  expect(lines).toEqual([]);
  for (const spy of spies) expect(spy).not.toHaveBeenCalled();
});

test("info: one line per response, with status, method, URL, duration, attempt and request id", async () => {
  const { lines, logger } = recorder();
  await clientFor(server, { logLevel: "info", logger }).request(ops.getImage, [1], undefined);
  expect(lines).toHaveLength(1);
  const [level, line] = lines[0]!;
  expect(level).toBe("info");
  expect(line).toMatch(new RegExp(`^digitalocean-sdk: 200 GET ${url()} in \\d+ ms \\(attempt 1, request id req-1\\)$`));
});

test("warn: each retry with its delay and why; error: the failure that ends the call", async () => {
  vi.spyOn(Math, "random").mockReturnValue(0);
  const { lines, logger } = recorder();
  server.reply(text(503, "busy"), json(404, { id: "not_found", message: "gone" }));
  const client = clientFor(server, { logLevel: "warn", logger });
  await expect(client.request(ops.getImage, [1], undefined)).rejects.toThrow("gone");
  expect(lines).toEqual([
    [
      "warn",
      "digitalocean-sdk: retry 1 in 500 ms after InternalServerError: 503 GET /v2/images/1: Service Unavailable: busy",
    ],
    ["error", "digitalocean-sdk: NotFoundError: 404 GET /v2/images/1: gone"],
  ]);
});

test("debug: every attempt too, with its headers, Authorization and other secrets redacted", async () => {
  const { lines, logger } = recorder();
  await clientFor(server, { logLevel: "debug", logger, headers: { Cookie: "session=abc", "X-Api-Key": "k" } }).request(
    ops.getImage,
    [1],
    undefined,
  );
  expect(lines.map(([level]) => level)).toEqual(["debug", "info"]);
  const [, line, details] = lines[0]!;
  expect(line).toBe(`digitalocean-sdk: GET ${url()} (attempt 1)`);
  expect(details).toMatchObject({
    method: "GET",
    url: url(),
    headers: { authorization: "Bearer [REDACTED]", cookie: "[REDACTED]", "x-api-key": "[REDACTED]" },
  });
  expect(JSON.stringify(lines)).not.toContain(TOKEN);
  expect(JSON.stringify(lines)).not.toContain("session=abc");
});

test("never the token, at any level, even when the server echoes it", async () => {
  const { lines, logger } = recorder();
  server.reply(json(400, { id: "bad_request", message: `bad header Bearer ${TOKEN}` }));
  await clientFor(server, { logLevel: "debug", logger, maxRetries: 0 })
    .request(ops.getImage, [1], undefined)
    .catch(() => {});
  expect(lines.length).toBeGreaterThan(0);
  expect(JSON.stringify(lines)).not.toContain(TOKEN);
});

describe("DIGITALOCEAN_LOG", () => {
  test("turns logging on where the runtime has an environment; the option wins over it", async () => {
    vi.stubEnv("DIGITALOCEAN_LOG", "info");
    const { lines, logger } = recorder();
    await clientFor(server, { logger }).request(ops.getImage, [1], undefined);
    expect(lines.map(([level]) => level)).toEqual(["info"]);
    lines.length = 0;
    await clientFor(server, { logger, logLevel: "off" }).request(ops.getImage, [1], undefined);
    expect(lines).toEqual([]);
  });

  test("logs to the console when no logger is given", async () => {
    vi.stubEnv("DIGITALOCEAN_LOG", "info");
    const info = vi.spyOn(console, "info").mockImplementation(() => {});
    await new Client({ token: TOKEN, baseUrl: server.url }).request(ops.getImage, [1], undefined);
    expect(info).toHaveBeenCalledTimes(1);
    expect(info.mock.calls[0]![0]).toMatch(/^digitalocean-sdk: 200 GET /);
  });

  test("a value that is not a level is a ConfigurationError naming the variable", () => {
    vi.stubEnv("DIGITALOCEAN_LOG", "verbose");
    expect(() => new Client({ token: TOKEN })).toThrow(
      '`DIGITALOCEAN_LOG` must be one of off,error,warn,info,debug, got "verbose"',
    );
  });
});

test("per call: a call can log more, or less, than its client", async () => {
  const { lines, logger } = recorder();
  const client = clientFor(server, { logger });
  await client.request(ops.getImage, [1], undefined, { logLevel: "info" });
  expect(lines).toHaveLength(1);
  await clientFor(server, { logger, logLevel: "info" }).request(ops.getImage, [1], undefined, {
    logLevel: "error" as LogLevel,
  });
  expect(lines).toHaveLength(1);
});
