// Which credential each operation sends (issue 11): the API token by default,
// the model access key where the operation names it, none at all for a
// presigned URL, which gets raw bytes sent to it verbatim. A missing
// credential fails before sending; no credential or signature ever shows in
// an error, a hook or a log line.
import { inspect } from "node:util";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import {
  ArgumentError,
  bytesBody,
  Client,
  ConfigurationError,
  type Operation,
  RedirectError,
  type RequestHookInfo,
  urlTarget,
} from "../../templates/runtime/index.ts";
import { INFERENCE, inferenceChat as chat, MODEL_KEY as KEY, TOKEN } from "./fixtures.ts";
import { json, startServer, type TestServer, text } from "./server.ts";

const SIGNATURE = "X-Amz-Signature=deadbeefsecret";

/** The presigned upload: the target is the URL an earlier call returned; no credential at all. */
const presignedUpload: Operation = {
  method: "PUT",
  path: "/{upload_url}",
  url: true,
  target: urlTarget,
  body: "body",
  bodyRequired: true,
  encoding: bytesBody,
  auth: null,
  response: "none",
};
const getImage: Operation = { method: "GET", path: "/v2/images/{image_id}" };

let api: TestServer;
let inference: TestServer;
/** Stands in for a storage host: it refuses any request that carries an Authorization header. */
let storage: TestServer;
beforeAll(async () => {
  api = await startServer(() => json(200, { from: "api" }));
  inference = await startServer(() => json(200, { from: "inference" }));
  storage = await startServer((req) =>
    req.headers.authorization === undefined ? text(200, "") : text(400, "Authorization header not allowed"),
  );
});
afterAll(async () => {
  await api.close();
  await inference.close();
  await storage.close();
});
beforeEach(() => {
  for (const s of [api, inference, storage]) s.reset();
  vi.stubEnv("DIGITALOCEAN_TOKEN", "");
  vi.stubEnv("DIGITALOCEAN_ACCESS_TOKEN", "");
  vi.stubEnv("DIGITALOCEAN_MODEL_ACCESS_KEY", "");
});
afterEach(() => vi.unstubAllEnvs());

const inferenceClient = (options: ConstructorParameters<typeof Client>[0] = {}) =>
  new Client({ token: TOKEN, baseUrl: api.url, servers: { [INFERENCE]: inference.url }, ...options });

const leaks = (value: unknown, ...secrets: string[]) => {
  const views = [String(value), JSON.stringify(value) ?? "", inspect(value, { depth: 20, showHidden: true })];
  if (value instanceof Error) views.push(value.message, value.stack ?? "");
  return secrets.some((secret) => views.some((v) => v.includes(secret)));
};

describe("the model access key", () => {
  test("is sent by the operations that name it, never the token", async () => {
    await inferenceClient({ modelAccessKey: KEY }).request(chat, [], { model: "m", messages: [] });
    expect(inference.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(JSON.stringify(inference.requests[0]!.headers)).not.toContain(TOKEN);
  });

  test("comes from DIGITALOCEAN_MODEL_ACCESS_KEY; the option wins, and a call's own over both", async () => {
    vi.stubEnv("DIGITALOCEAN_MODEL_ACCESS_KEY", "from-env");
    await inferenceClient().request(chat, [], {});
    await inferenceClient({ modelAccessKey: "from-option" }).request(chat, [], {});
    await inferenceClient({ modelAccessKey: "from-option" }).request(chat, [], {}, { modelAccessKey: "per-call" });
    expect(inference.requests.map((r) => r.headers.authorization)).toEqual([
      "Bearer from-env",
      "Bearer from-option",
      "Bearer per-call",
    ]);
  });

  test("missing, it is a ConfigurationError before anything is sent; the token is no substitute", async () => {
    const error = await inferenceClient()
      .request(chat, [], {})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toBe(
      "No model access key: pass `modelAccessKey` or set DIGITALOCEAN_MODEL_ACCESS_KEY",
    );
    expect(inference.requests).toHaveLength(0);
  });

  test("operations of the API still need the token, not the key", async () => {
    const client = new Client({ baseUrl: api.url, modelAccessKey: KEY });
    await expect(client.request(getImage, [1], undefined)).rejects.toThrow(/^No API token/);
    expect(api.requests).toHaveLength(0);
  });

  test("a key that a header cannot carry is an ArgumentError that never shows it", async () => {
    const error = await inferenceClient({ modelAccessKey: `${KEY}\r\nX-Evil: 1` })
      .request(chat, [], {})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArgumentError);
    expect(leaks(error, KEY)).toBe(false);
  });

  test("never shows in errors (even echoed by the server), hooks, logs or the client", async () => {
    inference.reply(json(401, { id: "unauthorized", message: `bad key Bearer ${KEY}` }));
    const seen: RequestHookInfo[] = [];
    const lines: unknown[][] = [];
    const log = (...args: unknown[]) => void lines.push(args);
    const client = inferenceClient({
      modelAccessKey: KEY,
      onRequest: (i) => seen.push(i),
      onResponse: (i) => seen.push(i),
      logLevel: "debug",
      logger: { error: log, warn: log, info: log, debug: log },
    });
    const error = await client.request(chat, [], {}).catch((e: unknown) => e);
    expect((error as Error).message).toBe("401 POST /v1/chat/completions: bad key Bearer [REDACTED]");
    expect(seen.every((i) => i.headers.authorization === "Bearer [REDACTED]")).toBe(true);
    expect(seen).toHaveLength(2);
    expect(lines.length).toBeGreaterThan(0);
    for (const value of [error, seen, lines, client]) expect(leaks(value, KEY, TOKEN)).toBe(false);
  });
});

describe("a presigned upload (no credential, a run-time target)", () => {
  const bytes = new Uint8Array([1, 2, 3, 255]);
  const target = () => `${storage.url}/bucket/object.bin?X-Amz-Expires=900&${SIGNATURE}`;

  test("sends the raw bytes to the URL verbatim, with no Authorization header", async () => {
    const client = new Client({ token: TOKEN, baseUrl: api.url });
    await client.request(presignedUpload, [target()], { body: bytes });
    const [sent] = storage.requests;
    expect(sent!.method).toBe("PUT");
    expect(sent!.url).toBe(`/bucket/object.bin?X-Amz-Expires=900&${SIGNATURE}`);
    expect(sent!.headers.authorization).toBeUndefined();
    expect(sent!.headers["content-type"]).toBe("application/octet-stream");
    expect([...sent!.raw]).toEqual([...bytes]);
    expect(api.requests).toHaveLength(0);
  });

  test("no Authorization header even when the client's own headers set one", async () => {
    const client = new Client({ token: TOKEN, headers: { Authorization: "Bearer custom" } });
    await client.request(presignedUpload, [target()], { body: bytes });
    expect(storage.requests[0]!.headers.authorization).toBeUndefined();
  });

  test("needs no token at all", async () => {
    await new Client().request(presignedUpload, [target()], { body: bytes });
    expect(storage.requests).toHaveLength(1);
  });

  test("the signature never shows: errors, hooks and logs see the URL without its query", async () => {
    storage.reply(text(403, `SignatureDoesNotMatch for ${SIGNATURE}`));
    const seen: RequestHookInfo[] = [];
    const lines: unknown[][] = [];
    const log = (...args: unknown[]) => void lines.push(args);
    const client = new Client({
      onRequest: (i) => seen.push(i),
      logLevel: "debug",
      logger: { error: log, warn: log, info: log, debug: log },
    });
    const error = await client.request(presignedUpload, [target()], { body: bytes }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 403, url: `${storage.url}/bucket/object.bin?[REDACTED]` });
    expect((error as Error).message).toMatch(/^403 PUT \/bucket\/object\.bin\?\[REDACTED\]: /);
    expect(seen[0]!.url).toBe(`${storage.url}/bucket/object.bin?[REDACTED]`);
    for (const value of [error, seen, lines]) expect(leaks(value, "deadbeefsecret")).toBe(false);
  });

  test("a redirect of the upload is not followed, and its error hides both queries", async () => {
    storage.reply({ status: 307, headers: { location: `https://other.example/o?${SIGNATURE}2` } });
    const error = await new Client().request(presignedUpload, [target()], { body: bytes }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toMatchObject({ location: "https://other.example/o?[REDACTED]" });
    expect(leaks(error, "deadbeefsecret")).toBe(false);
  });

  test.each([
    ["a relative URL", "/bucket/object.bin?sig=deadbeefsecret"],
    ["another scheme", "ftp://storage.example/object?sig=deadbeefsecret"],
    ["credentials", "https://user:deadbeefsecret@storage.example/object"],
    ["not a string", 42],
  ])("a target that is %s is an ArgumentError that never repeats it", async (_, url) => {
    const error = await new Client().request(presignedUpload, [url], { body: bytes }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArgumentError);
    expect((error as Error).message).toBe("The target URL of PUT <url> must be an absolute http(s) URL");
    expect(leaks(error, "deadbeefsecret")).toBe(false);
  });

  test("a run-time target that sends the API token must stay on the API's origin", async () => {
    const withToken: Operation = { method: "GET", path: "/{url}", url: true, target: urlTarget };
    const client = new Client({ token: TOKEN, baseUrl: api.url });
    await expect(client.request(withToken, [`${storage.url}/x`], undefined)).rejects.toThrow(ConfigurationError);
    expect(storage.requests).toHaveLength(0);
    expect(await client.request(withToken, [`${api.url}/v2/next?page=2`], undefined)).toEqual({ from: "api" });
    expect(api.requests[0]!.url).toBe("/v2/next?page=2");
  });
});
