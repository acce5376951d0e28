// What a call resolves to: parsed JSON, text (yaml, csv), ArrayBuffer (pdf),
// nothing (204), and the raw response on request; and that the returned
// promise behaves like a promise without leaking unhandled rejections.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { APIPromise, InvalidResponseError, NotFoundError } from "../../templates/runtime/index.ts";
import { clientFor, ops } from "./fixtures.ts";
import { json, type Reply, startServer, text, type TestServer } from "./server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startServer(() =>
    json(
      200,
      { image: { id: 7 } },
      {
        "x-request-id": "req-42",
        "ratelimit-limit": "5000",
        "ratelimit-remaining": "10",
        "ratelimit-reset": "1900000000",
      },
    ),
  );
});
afterAll(() => server.close());
beforeEach(() => server.reset());

describe("withResponse", () => {
  test("gives data, the Response, its rate limit and request id", async () => {
    const { data, response, rateLimit, requestId } = await clientFor(server)
      .request(ops.getImage, [7], undefined)
      .withResponse();
    expect(data).toEqual({ image: { id: 7 } });
    expect(response).toBeInstanceOf(Response);
    expect(response.headers.get("x-request-id")).toBe("req-42");
    expect(rateLimit).toEqual({ limit: 5000, remaining: 10, reset: new Date(1_900_000_000_000) });
    expect(requestId).toBe("req-42");
  });

  test("awaiting and withResponse share one request", async () => {
    const p = clientFor(server).request(ops.getImage, [7], undefined);
    const [data, raw] = await Promise.all([p, p.withResponse()]);
    expect(raw.data).toBe(data);
    expect(server.requests).toHaveLength(1);
  });
});

describe("body kinds", () => {
  test("yaml as text, with the operation's Accept header", async () => {
    const yaml = "apiVersion: v1\nclusters:\n- name: do-nyc1\n";
    server.reply(text(200, yaml, { "content-type": "application/yaml" }));
    const body = await clientFor(server).request<string>(ops.kubeconfig, ["c-1"], { expiry_seconds: 300 });
    expect(body).toBe(yaml);
    expect(server.requests[0]!.headers.accept).toBe("application/yaml");
    expect(server.requests[0]!.url).toBe("/v2/kubernetes/clusters/c-1/kubeconfig?expiry_seconds=300");
  });

  test("csv as text", async () => {
    server.reply(text(200, "product,amount\nDroplets,12.00\n", { "content-type": "text/csv" }));
    expect(await clientFor(server).request(ops.invoiceCsv, ["inv-1"], undefined)).toBe(
      "product,amount\nDroplets,12.00\n",
    );
    expect(server.requests[0]!.headers.accept).toBe("text/csv");
  });

  test("pdf as an ArrayBuffer with the exact bytes", async () => {
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff, 0x80, 0x0a]);
    server.reply({ status: 200, body: bytes, headers: { "content-type": "application/pdf" } });
    const body = await clientFor(server).request<ArrayBuffer>(ops.invoicePdf, ["inv-1"], undefined);
    expect(body).toBeInstanceOf(ArrayBuffer);
    expect(new Uint8Array(body)).toEqual(bytes);
    expect(server.requests[0]!.headers.accept).toBe("application/pdf");
  });

  test("204 resolves to undefined", async () => {
    server.reply({ status: 204 });
    const { data, response } = await clientFor(server).request(ops.deleteTag, ["web"], undefined).withResponse();
    expect(data).toBeUndefined();
    expect(response.status).toBe(204);
    expect(server.requests[0]!.method).toBe("DELETE");
  });

  test('"none" ignores a body that comes anyway, and an empty one', async () => {
    server.reply(json(202, { action: { id: 1 } }), text(200, ""), { status: 204 });
    for (let i = 0; i < 3; i++)
      expect(await clientFor(server).request(ops.deleteTag, ["web"], undefined)).toBeUndefined();
  });

  test.each<[string, Reply & { status: number }, string]>([
    ["empty", { status: 200, body: "", headers: { "x-request-id": "req-e" } }, "is empty"],
    ["whitespace", { status: 200, body: " \n", headers: { "x-request-id": "req-e" } }, "is empty"],
    ["null", { status: 200, body: "null", headers: { "x-request-id": "req-e" } }, "is null"],
    ["204", { status: 204, headers: { "x-request-id": "req-e" } }, "is empty"],
  ])(
    "a JSON operation's %s success body is an InvalidResponseError with status and request id",
    async (_, reply, what) => {
      server.reply(reply);
      const error = await clientFor(server, { maxRetries: 0 })
        .request(ops.getImage, [1], undefined)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect(error).toMatchObject({ status: reply.status, requestId: "req-e", method: "GET" });
      expect((error as Error).message).toBe(`${reply.status} GET /v2/images/1: the response body ${what}`);
      // Not retried: the server answered, and said something the SDK cannot use.
      expect(server.requests).toHaveLength(1);
    },
  );

  test("the default Accept is JSON", async () => {
    await clientFor(server).request(ops.getImage, [1], undefined);
    expect(server.requests[0]!.headers.accept).toBe("application/json");
  });
});

describe("APIPromise", () => {
  test("is a Promise whose then, catch and finally give plain promises", async () => {
    const p = clientFor(server).request(ops.getImage, [7], undefined);
    expect(p).toBeInstanceOf(APIPromise);
    expect(p).toBeInstanceOf(Promise);
    const chained = p.then((d) => d);
    expect(chained).not.toBeInstanceOf(APIPromise);
    expect(await chained).toEqual({ image: { id: 7 } });
    expect(await p.finally(() => {})).toEqual({ image: { id: 7 } });
    expect(await Promise.resolve(p)).toEqual({ image: { id: 7 } });
    server.reply(json(404, { id: "not_found", message: "gone" }));
    const failing = clientFor(server).request(ops.getImage, [8], undefined);
    expect(await failing.catch((e: unknown) => e)).toBeInstanceOf(NotFoundError);
    await expect(failing.finally(() => {})).rejects.toThrow(NotFoundError);
  });

  describe("unhandled rejections", () => {
    const seen: unknown[] = [];
    const onUnhandled = (reason: unknown) => void seen.push(reason);
    beforeEach(() => void process.on("unhandledRejection", onUnhandled));
    afterEach(() => void process.off("unhandledRejection", onUnhandled));
    const macrotasks = async () => {
      for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
    };

    test("a failure handled through withResponse alone raises none", async () => {
      server.reply(json(404, { id: "not_found", message: "gone" }));
      const error = await clientFor(server)
        .request(ops.getImage, [8], undefined)
        .withResponse()
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotFoundError);
      await macrotasks();
      expect(seen).toEqual([]);
    });

    test("a failure handled through iteration alone raises none", async () => {
      server.reply(json(404, { id: "not_found", message: "gone" }));
      const iterate = async () => {
        for await (const _ of clientFor(server).paginate(ops.listDroplets, [], undefined)) void _;
      };
      await expect(iterate()).rejects.toThrow(NotFoundError);
      await macrotasks();
      expect(seen).toEqual([]);
    });
  });
});
