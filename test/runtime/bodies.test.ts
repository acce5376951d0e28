// Request bodies that are not JSON (issue 11): raw bytes sent as they are with
// their content type, multipart forms built from the fields (or given as a
// FormData) with fetch's boundary, and streamed bodies that are never retried.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { ArgumentError, bytesBody, ConnectionError, formBody, type Operation } from "../../templates/runtime/index.ts";
import { clientFor } from "./fixtures.ts";
import { json, startServer, type Received, type TestServer } from "./server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startServer(() => json(200, { ok: true }));
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const upload: Operation = {
  method: "PUT",
  path: "/v2/uploads/{name}",
  body: "body",
  bodyRequired: true,
  encoding: bytesBody,
};
const importForm: Operation = {
  method: "POST",
  path: "/v2/imports",
  query: ["dry_run"],
  body: "fields",
  fields: ["name", "file", "size", "public", "tags", "options"],
  required: ["file"],
  encoding: formBody,
};

const bytes = new Uint8Array([0, 1, 2, 250, 255, 13, 10]);
const last = () => server.requests.at(-1)!;
/** The multipart body the server got, parsed back as fetch would. */
const formOf = (req: Received) =>
  new Response(new Uint8Array(req.raw), { headers: { "content-type": req.headers["content-type"]! } }).formData();

describe("application/octet-stream", () => {
  test.each([
    ["a Uint8Array", () => bytes],
    ["an ArrayBuffer", () => bytes.slice().buffer],
    ["a Blob", () => new Blob([bytes], { type: "image/png" })],
    ["a Node Buffer (a Uint8Array)", () => Buffer.from(bytes)],
    [
      "a ReadableStream",
      () =>
        new ReadableStream<Uint8Array>({
          start(c) {
            c.enqueue(bytes.slice(0, 3));
            c.enqueue(bytes.slice(3));
            c.close();
          },
        }),
    ],
  ])("%s is sent as raw bytes with the operation's content type, never as JSON", async (_, make) => {
    await clientFor(server).request(upload, ["a.bin"], { body: make() });
    expect([...last().raw]).toEqual([...bytes]);
    expect(last().headers["content-type"]).toBe("application/octet-stream");
  });

  test("a caller's content-type header wins (a presigned URL may have signed another)", async () => {
    await clientFor(server).request(upload, ["a.png"], { body: bytes }, { headers: { "Content-Type": "image/png" } });
    expect(last().headers["content-type"]).toBe("image/png");
  });

  test.each([
    ["a string", "hello"],
    ["an object", { data: [1, 2] }],
    ["an array", [1, 2]],
  ])("%s is an ArgumentError, nothing sent", async (_, body) => {
    const error = await clientFor(server)
      .request(upload, ["a.bin"], { body })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArgumentError);
    expect((error as Error).message).toMatch(/must be a Blob, ArrayBuffer, typed array or ReadableStream/);
    expect(server.requests).toHaveLength(0);
  });

  test("extraBody cannot extend raw bytes", async () => {
    await expect(
      clientFor(server).request(upload, ["a.bin"], { body: bytes }, { extraBody: { a: 1 } }),
    ).rejects.toThrow(/^`extraBody` must be an object/);
    expect(server.requests).toHaveLength(0);
  });

  test("a byte body is retried like any other (it can be sent again)", async () => {
    server.reply(json(503, { id: "unavailable" }), json(200, { ok: true }));
    await clientFor(server, { maxRetryDelay: 0 }).request(upload, ["a.bin"], { body: bytes });
    expect(server.requests).toHaveLength(2);
    expect([...server.requests[1]!.raw]).toEqual([...bytes]);
  });

  test("a streamed body is sent once and never retried, even where the method would be", async () => {
    server.reply(json(503, { id: "unavailable" }));
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(bytes);
        c.close();
      },
    });
    const error = await clientFor(server, { maxRetries: 3, maxRetryDelay: 0 })
      .request(upload, ["a.bin"], { body: stream })
      .catch((e: unknown) => e);
    expect(error).toHaveProperty("status", 503);
    expect(server.requests).toHaveLength(1);
  });

  test("a streamed body whose connection is refused is not retried either", async () => {
    const { closedPortUrl } = await import("./server.ts");
    let sends = 0;
    const client = clientFor(server, {
      baseUrl: await closedPortUrl(),
      maxRetries: 3,
      maxRetryDelay: 0,
      fetch: (url, init) => {
        sends++;
        return fetch(url, init);
      },
    });
    const stream = new ReadableStream<Uint8Array>({ start: (c) => c.close() });
    await expect(client.request(upload, ["a.bin"], { body: stream })).rejects.toThrow(ConnectionError);
    expect(sends).toBe(1);
  });
});

describe("multipart/form-data", () => {
  test("fields become a form: files as files, text as text, numbers and booleans as text, objects as JSON", async () => {
    const file = new File(["name,size\nweb,1\n"], "droplets.csv", { type: "text/csv" });
    await clientFor(server).request(importForm, [], {
      dry_run: true,
      name: "import",
      file,
      size: 42,
      public: false,
      tags: ["a", "b"],
      options: { replace: true },
    });
    expect(last().url).toBe("/v2/imports?dry_run=true");
    expect(last().headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    const form = await formOf(last());
    expect(form.get("name")).toBe("import");
    expect(form.get("size")).toBe("42");
    expect(form.get("public")).toBe("false");
    expect(form.get("tags")).toBe('["a","b"]');
    expect(form.get("options")).toBe('{"replace":true}');
    const sent = form.get("file") as File;
    expect(sent.name).toBe("droplets.csv");
    expect(sent.type).toBe("text/csv");
    expect(await sent.text()).toBe("name,size\nweb,1\n");
  });

  test("a FormData under `body` is sent as it is", async () => {
    const form = new FormData();
    form.append("file", new Blob(["x"]), "x.txt");
    form.append("name", "given");
    await clientFor(server).request(importForm, [], { body: form });
    const got = await formOf(last());
    expect(got.get("name")).toBe("given");
    expect((got.get("file") as File).name).toBe("x.txt");
  });

  test("extraBody adds fields to the form", async () => {
    await clientFor(server).request(importForm, [], { file: new Blob(["x"]) }, { extraBody: { note: "hi" } });
    expect((await formOf(last())).get("note")).toBe("hi");
  });

  test("the content type is fetch's, with its boundary; a hand-set one is never added", async () => {
    await clientFor(server).request(importForm, [], { file: new Blob(["x"]) });
    const type = last().headers["content-type"]!;
    expect(type.startsWith("multipart/form-data; boundary=")).toBe(true);
    expect(last().body).toContain(type.split("boundary=")[1]);
  });

  test("a FormData and fields together, unknown fields and a missing required one are ArgumentErrors", async () => {
    const client = clientFor(server);
    await expect(client.request(importForm, [], { body: new FormData(), name: "x" })).rejects.toThrow(
      /^Unknown parameter "name" for POST \/v2\/imports \(the FormData under `body` holds the fields\)/,
    );
    await expect(client.request(importForm, [], { file: new Blob(["x"]), colour: "red" })).rejects.toThrow(
      /^Unknown parameter "colour"/,
    );
    await expect(client.request(importForm, [], { name: "x" })).rejects.toThrow(/^Missing required field "file"/);
    expect(server.requests).toHaveLength(0);
  });
});
