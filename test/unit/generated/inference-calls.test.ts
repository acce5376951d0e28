// The current API's constructs end to end: the inference fixture
// (test/fixtures/emit/inference, written for these tests) is generated and
// built, and its functions are called against local servers standing in for
// the API, the inference host, an agent's host and a presigned upload URL.
// Each call must go to its own server with its own credential (the model
// access key, never the API token; nothing to the upload URL), stream when
// asked, send multipart and raw bodies as they are, and reject an operation
// that documents no success. A consumer type-checks the streaming overloads.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { generate } from "../../../generator/pipeline.ts";
import { json, startServer, type TestServer, text } from "../../runtime/server.ts";
import { callsInference, docExamples, typeCheckExamples } from "./doc-examples.ts";
import { typeCheckConsumer } from "./type-check-consumer.ts";

const root = new URL("../../../", import.meta.url).pathname;
const spec = join(root, "test/fixtures/emit/inference/openapi.yaml");
const work = mkdtempSync(join(tmpdir(), "inference-calls-"));
const out = join(work, "generated");

const TOKEN = "dop_v1_api_token_not_for_inference";
const KEY = "mak_model_access_key_for_inference";
const SIGNATURE = "X-Amz-Signature=0123456789abcdef0123456789abcdef";

// biome-ignore lint/suspicious/noExplicitAny: the built package is imported at run time, untyped here
type Sdk = any;
let sdk: Sdk;
let api: TestServer;
let inference: TestServer;
let agent: TestServer;
let upload: TestServer;
let client: Sdk;

const sse = (...events: unknown[]) => ({
  status: 200,
  headers: { "content-type": "text/event-stream" },
  body: [...events.map((e) => `data: ${JSON.stringify(e)}\n\n`), "data: [DONE]\n\n"].join(""),
});
const completion = { id: "c1", choices: [{ message: { role: "assistant", content: "hello" } }] };
const chunk = (content: string) => ({ id: "c1", choices: [{ index: 0, delta: { content } }] });
/** Answers a chat as JSON, or as two chunks when the body asks to stream. */
const chat = (body: string) =>
  JSON.parse(body).stream === true ? sse(chunk("hel"), chunk("lo")) : json(200, completion);
const messages = [{ role: "user", content: "hi" }];

async function collect(
  stream: AsyncIterable<{ choices: { delta: { content?: string | null } }[] }>,
): Promise<string[]> {
  const got: string[] = [];
  for await (const chunk of stream) got.push(chunk.choices[0]?.delta.content ?? "");
  return got;
}

beforeAll(async () => {
  await generate({ root, spec, outDir: out });
  sdk = await import(join(out, "dist/esm/index.js"));
  api = await startServer(() => json(200, { email: "me@example.com" }));
  inference = await startServer((req) => {
    if (req.url.startsWith("/v1/chat/completions")) return chat(req.body);
    if (req.url.startsWith("/v1/models")) return json(200, { data: [{ id: "llama" }] });
    return json(200, { upload_url: `${upload.url}/batches/in.jsonl?${SIGNATURE}` });
  });
  agent = await startServer((req) => chat(req.body));
  upload = await startServer(() => text(200, ""));
  client = new sdk.DigitalOcean({
    token: TOKEN,
    modelAccessKey: KEY,
    baseUrl: api.url,
    servers: { "https://inference.do-ai.run": inference.url, "https://{agent_url}": agent.url },
    maxRetries: 0,
  });
}, 180_000);

afterAll(async () => {
  await Promise.all([api, inference, agent, upload].map((s) => s?.close()));
  rmSync(work, { recursive: true, force: true });
});

beforeEach(() => {
  for (const server of [api, inference, agent, upload]) server.reset();
});

describe("the inference fixture, generated and called", () => {
  it("sends the API token to the API and the model access key to the inference host, each to its own server", async () => {
    expect(await sdk.accountGet(client)).toEqual({ email: "me@example.com" });
    expect(await sdk.inferenceCreateChatCompletion(client, { model: "m", messages })).toEqual(completion);
    expect(api.requests.map((r) => r.headers.authorization)).toEqual([`Bearer ${TOKEN}`]);
    expect(inference.requests.map((r) => [r.method, r.url, r.headers.authorization])).toEqual([
      ["POST", "/v1/chat/completions", `Bearer ${KEY}`],
    ]);
    expect(JSON.parse(inference.requests[0]!.body)).toEqual({ model: "m", messages });
  });

  it("streams the chunks when stream is true, asking for text/event-stream", async () => {
    const stream = await client.inference.createChatCompletion({ model: "m", messages, stream: true });
    expect(stream).toBeInstanceOf(sdk.Stream);
    expect(await collect(stream)).toEqual(["hel", "lo"]);
    expect(inference.requests[0]!.headers.accept).toBe("text/event-stream");
    expect(JSON.parse(inference.requests[0]!.body)).toMatchObject({ stream: true });
  });

  it("sends an agent's call to the server the servers option maps its host to, streaming too", async () => {
    const stream = await sdk.agentInferenceCreateChatCompletion(client, "my-agent.agents.do-ai.run", {
      model: "m",
      messages,
      stream: true,
    });
    expect(await collect(stream)).toEqual(["hel", "lo"]);
    expect(agent.requests.map((r) => [r.url, r.headers.authorization])).toEqual([
      ["/api/v1/chat/completions", `Bearer ${KEY}`],
    ]);
  });

  it("sends a deepObject query as filter[key]=value", async () => {
    await sdk.inferenceListModels(client, { filter: { owned_by: "digitalocean", region: "tor1" } });
    const url = new URL(inference.requests[0]!.url, "http://x");
    expect([...url.searchParams]).toEqual([
      ["filter[owned_by]", "digitalocean"],
      ["filter[region]", "tor1"],
    ]);
  });

  it("uploads a multipart form, then the raw bytes to the presigned URL verbatim, with no credential", async () => {
    const file = new Blob(['{"custom_id":"1"}\n'], { type: "application/jsonl" });
    const { upload_url } = await sdk.inferenceCreateBatchFile(client, { file, purpose: "batch" });
    const form = inference.requests[0]!;
    expect(form.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(form.body).toContain('name="purpose"\r\n\r\nbatch');
    expect(form.body).toContain('{"custom_id":"1"}');

    const bytes = new TextEncoder().encode('{"custom_id":"2"}\n');
    await expect(client.inference.uploadBatchFile(upload_url, { body: bytes })).resolves.toBeUndefined();
    const put = upload.requests[0]!;
    expect([put.method, put.url, put.headers["content-type"], put.headers.authorization]).toEqual([
      "PUT",
      `/batches/in.jsonl?${SIGNATURE}`,
      "application/octet-stream",
      undefined,
    ]);
    expect(put.raw).toEqual(Buffer.from(bytes));
  });

  it("refuses a key the body does not have, before sending", async () => {
    await expect(sdk.inferenceCreateChatCompletion(client, { model: "m", messages, tempreature: 1 })).rejects.toThrow(
      sdk.ArgumentError,
    );
    expect(inference.requests).toEqual([]);
  });

  it("rejects an operation that documents no success: with its 410, and a 2xx too", async () => {
    api.reply(json(410, { id: "gone", message: "use the newer operation" }));
    await expect(sdk.genaiCreateModelApiKey(client, { name: "k" })).rejects.toMatchObject({ status: 410 });
    api.reply(json(200, { id: "x" }));
    await expect(sdk.genaiCreateModelApiKey(client, { name: "k" })).rejects.toThrow(sdk.InvalidResponseError);
    expect(api.requests).toHaveLength(2);
  });

  it("types a call with stream: true as a Stream of chunks, and one without as the answer", () => {
    const index = [
      `import { DigitalOcean, inferenceCreateChatCompletion, inferenceUploadBatchFile } from "digitalocean-sdk";`,
      `import type { ChatChunk, ChatResponse, Stream } from "digitalocean-sdk";`,
      `const client = new DigitalOcean({ modelAccessKey: "k" });`,
      `const messages = [{ role: "user" as const, content: "hi" }];`,
      `export async function f(flag: boolean) {`,
      `  const stream: Stream<ChatChunk> = await client.inference.createChatCompletion({ model: "m", messages, stream: true });`,
      `  for await (const chunk of stream) chunk.choices[0]?.delta.content satisfies string | null | undefined;`,
      `  const answer: ChatResponse = await inferenceCreateChatCompletion(client, { model: "m", messages });`,
      `  // @ts-expect-error a stream has no choices`,
      `  (await inferenceCreateChatCompletion(client, { model: "m", messages, stream: true })).choices;`,
      `  const either: ChatResponse | Stream<ChatChunk> = await inferenceCreateChatCompletion(client, { model: "m", messages, stream: flag });`,
      `  await inferenceUploadBatchFile(client, "https://example.com/u?sig=1", { body: new Uint8Array(1) });`,
      `  // @ts-expect-error raw bytes, not an object`,
      `  await inferenceUploadBatchFile(client, "https://example.com/u?sig=1", { body: { a: 1 } });`,
      `  return [answer, either];`,
      `}`,
    ].join("\n");
    expect(typeCheckConsumer(out, join(work, "consumer"), { "index.ts": index })).toBe("");
  }, 60_000);

  it("compiles the docs' examples of inference calls, streaming and uploads", () => {
    const examples = docExamples().filter(callsInference);
    expect(examples.map((e) => e.name)).toEqual(expect.arrayContaining(["README.md#3"]));
    expect(typeCheckExamples(out, examples, work)).toBe("");
  }, 120_000);

  it("bundles the code of a form, raw bytes, a stream or a target of its own only for apps that import an operation using it", async () => {
    const consumer = join(work, "bundled");
    mkdirSync(join(consumer, "node_modules"), { recursive: true });
    symlinkSync(out, join(consumer, "node_modules", "digitalocean-sdk"), "dir");
    const bundle = async (names: string) => {
      const result = await build({
        stdin: { contents: `export { ${names} } from "digitalocean-sdk";`, resolveDir: consumer },
        bundle: true,
        minify: true,
        platform: "browser",
        format: "esm",
        write: false,
        logLevel: "silent",
      });
      return result.outputFiles[0]!.text;
    };
    /** A message each piece alone holds. */
    const marks = {
      form: "must be an object of fields or a FormData",
      bytes: "typed array or ReadableStream",
      stream: "StreamError",
      server: "must make an http(s) URL",
      url: "The target URL of",
    };
    const has = (code: string) =>
      Object.entries(marks).flatMap(([piece, mark]) => (code.includes(mark) ? [piece] : []));
    expect(has(await bundle("Client, accountGet"))).toEqual([]);
    expect(has(await bundle("Client, inferenceCreateBatchFile"))).toEqual(["form", "server"]);
    expect(has(await bundle("Client, inferenceUploadBatchFile"))).toEqual(["bytes", "url"]);
    expect(has(await bundle("Client, agentInferenceCreateChatCompletion"))).toEqual(["stream", "server"]);
  }, 60_000);
});
