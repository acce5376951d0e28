// Each failure surfaces as its own typed error carrying what a caller needs:
// status, DigitalOcean's id and message, request id, headers, rate limit.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  DigitalOceanError,
  InternalServerError,
  InvalidResponseError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from "../../templates/runtime/index.ts";
import { errorClass } from "../../templates/runtime/errors.ts";
import { clientFor, ops } from "./fixtures.ts";
import { json, startServer, text, type Reply, type TestServer } from "./server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const failWith = async (reply: Reply): Promise<DigitalOceanError> => {
  server.reply(reply);
  const error = await clientFor(server, { maxRetries: 0 })
    .request(ops.getImage, [1], undefined)
    .then(
      () => undefined,
      (e: unknown) => e,
    );
  expect(error).toBeInstanceOf(DigitalOceanError);
  return error as DigitalOceanError;
};

describe.each([
  [400, BadRequestError, "bad_request"],
  [401, AuthenticationError, "unauthorized"],
  [403, PermissionDeniedError, "forbidden"],
  [404, NotFoundError, "not_found"],
  [409, ConflictError, "conflict"],
  [422, UnprocessableEntityError, "unprocessable_entity"],
  [429, RateLimitError, "too_many_requests"],
  [500, InternalServerError, "server_error"],
  [503, InternalServerError, "service_unavailable"],
])("%i", (status, Class, id) => {
  test(`is a ${Class.name} with id, message, requestId, headers`, async () => {
    const error = await failWith(
      json(
        status,
        { id, message: `message for ${status}`, request_id: "req-body-1" },
        { "x-request-id": "req-header-1", "x-extra": "yes" },
      ),
    );
    const message = `${status} GET /v2/images/1: message for ${status}`;
    expect(error).toBeInstanceOf(Class);
    expect(error.name).toBe(Class.name);
    expect(error.stack?.startsWith(`${Class.name}: ${message}`)).toBe(true);
    expect(error).toMatchObject({ status, id, message, requestId: "req-body-1", method: "GET" });
    expect(error.url).toBe(`${server.url}/v2/images/1`);
    expect(error.headers).toMatchObject({
      "x-request-id": "req-header-1",
      "x-extra": "yes",
      "content-type": "application/json",
    });
  });
});

test("other statuses are plain DigitalOceanErrors, 5xx ones InternalServerErrors", async () => {
  const teapot = await failWith(json(418, { id: "teapot", message: "short and stout" }));
  expect(teapot.constructor).toBe(DigitalOceanError);
  expect(teapot.status).toBe(418);
  expect(errorClass(507)).toBe(InternalServerError);
  expect(errorClass(499)).toBe(DigitalOceanError);
});

test("requestId falls back to the x-request-id header", async () => {
  const error = await failWith(json(404, { id: "not_found", message: "gone" }, { "x-request-id": "req-header-2" }));
  expect(error.requestId).toBe("req-header-2");
});

test("an error body that is not JSON still gives status and a text snippet", async () => {
  const html = `<html><body><h1>502 Bad Gateway</h1>\n\n${"x".repeat(500)}</body></html>`;
  const error = await failWith(text(502, html, { "content-type": "text/html" }));
  expect(error).toBeInstanceOf(InternalServerError);
  expect(error.message).toMatch(/^502 GET \/v2\/images\/1: Bad Gateway: <html><body><h1>502 Bad Gateway<\/h1> x+…$/);
  expect(error.message.length).toBeLessThan(280);
  expect(error.id).toBeUndefined();
});

test("an empty error body gives the status line", async () => {
  const error = await failWith(text(403, ""));
  expect(error).toBeInstanceOf(PermissionDeniedError);
  expect(error.message).toBe("403 GET /v2/images/1: Forbidden");
});

test("JSON without a message uses the status and body", async () => {
  const error = await failWith(json(409, { id: "conflict" }));
  expect(error.message).toBe('409 GET /v2/images/1: Conflict: {"id":"conflict"}');
  expect(error.id).toBe("conflict");
});

describe("malformed success bodies", () => {
  test("invalid JSON rejects with InvalidResponseError, not a SyntaxError", async () => {
    const error = await failWith(
      text(200, "{not json", { "content-type": "application/json", "x-request-id": "req-3" }),
    );
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ status: 200, requestId: "req-3" });
    expect(error.message).toContain("{not json");
  });

  test("JSON cut short inside a complete response rejects with InvalidResponseError", async () => {
    const error = await failWith(text(200, '{"image": {"id": 1, "na', { "content-type": "application/json" }));
    expect(error).toBeInstanceOf(InvalidResponseError);
  });

  test("a body cut off by a closed connection rejects with ConnectionError", async () => {
    const error = await failWith({ truncate: '{"image": {"id": 1', length: 400 });
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.cause).toBeDefined();
  });
});

test("class hierarchy: every error is a DigitalOceanError and an Error", async () => {
  const error = await failWith(json(404, {}));
  expect(error).toBeInstanceOf(NotFoundError);
  expect(error).toBeInstanceOf(DigitalOceanError);
  expect(error).toBeInstanceOf(Error);
  expect(error).not.toBeInstanceOf(ConflictError);
});

describe("what an error says", () => {
  test("status, method, path and the API's message", async () => {
    server.reply(json(404, { id: "not_found", message: "The resource you were accessing could not be found." }));
    const error = (await clientFor(server, { maxRetries: 0 })
      .request(ops.getImage, [999], undefined)
      .catch((e: unknown) => e)) as DigitalOceanError;
    expect(error.message).toBe("404 GET /v2/images/999: The resource you were accessing could not be found.");
    expect(String(error)).toBe(
      "NotFoundError: 404 GET /v2/images/999: The resource you were accessing could not be found.",
    );
    expect(error).toMatchObject({ method: "GET", url: `${server.url}/v2/images/999` });
  });

  test("the query is part of the request line", async () => {
    server.reply(json(422, { id: "unprocessable_entity", message: "per_page is too large" }));
    const error = (await clientFor(server, { maxRetries: 0 })
      .request(ops.listDroplets, [], { per_page: 500, tag_name: "web" })
      .catch((e: unknown) => e)) as DigitalOceanError;
    expect(error.message).toBe("422 GET /v2/droplets?per_page=500&tag_name=web: per_page is too large");
  });

  test("JSON.stringify keeps name, message, status, id, requestId, method and url", async () => {
    server.reply(json(404, { id: "not_found", message: "gone", request_id: "req-7" }));
    const error = (await clientFor(server, { maxRetries: 0 })
      .request(ops.getImage, [1], undefined)
      .catch((e: unknown) => e)) as DigitalOceanError;
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "NotFoundError",
      message: "404 GET /v2/images/1: gone",
      status: 404,
      id: "not_found",
      requestId: "req-7",
      method: "GET",
      url: `${server.url}/v2/images/1`,
    });
    expect(JSON.parse(JSON.stringify({ error }))).toHaveProperty("error.name", "NotFoundError");
  });

  test("errors without a response say which request failed, and serialise too", async () => {
    server.reply({ destroy: true });
    const error = (await clientFor(server, { maxRetries: 0 })
      .request(ops.getImage, [1], undefined)
      .catch((e: unknown) => e)) as DigitalOceanError;
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toMatch(new RegExp(`^GET ${server.url}/v2/images/1 failed: `));
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ name: "ConnectionError", method: "GET" });
  });
});
