// Redirects are never followed to another origin: no request, body or header
// may reach it, and the call rejects with a RedirectError that says where the
// redirect pointed. Same-origin redirects of GET and HEAD are followed;
// nothing else is re-sent. Two local servers stand for the two origins.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { type Fetch, type Operation, RedirectError } from "../../templates/runtime/index.ts";
import { clientFor, ops, TOKEN } from "./fixtures.ts";
import { json, startServer, type TestServer } from "./server.ts";

let api: TestServer;
let other: TestServer;
beforeAll(async () => {
  api = await startServer();
  other = await startServer(() => json(200, { from: "other" }));
});
afterAll(async () => {
  await api.close();
  await other.close();
});
beforeEach(() => {
  api.reset();
  other.reset();
});

const redirect = (status: number, location: string) => ({ status, headers: { location }, body: "" });
const createDroplet: Operation = { method: "POST", path: "/v2/droplets", body: "fields" };
const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as RedirectError,
  );

describe("to another origin", () => {
  test.each([301, 302, 303, 307, 308])(
    "a POST answered %i: nothing goes there, typed error naming where",
    async (status) => {
      api.reply(redirect(status, `${other.url}/v2/droplets?x=1`));
      const error = await failure(
        clientFor(api, { headers: { "X-Team": "infra" } }).request(createDroplet, [], { user_data: "secret-script" }),
      );
      expect(error).toBeInstanceOf(RedirectError);
      expect(error).toMatchObject({ status, method: "POST", location: `${other.url}/v2/droplets?x=1` });
      expect(error!.message).toBe(
        `${status} POST /v2/droplets: redirected to ${other.url}/v2/droplets?x=1, not followed ` +
          `(only GET and HEAD are, 5 times within ${api.url})`,
      );
      expect(other.requests).toHaveLength(0);
      // Not retried either: the answer is the server's own.
      expect(api.requests).toHaveLength(1);
    },
  );

  test("a GET is not followed there either", async () => {
    api.reply(redirect(302, `${other.url}/v2/images/1`));
    const error = await failure(clientFor(api).request(ops.getImage, [1], undefined));
    expect(error).toBeInstanceOf(RedirectError);
    expect(other.requests).toHaveLength(0);
  });

  test("a relative Location that leaves the origin (//host) is another origin too", async () => {
    api.reply(redirect(301, `//${new URL(other.url).host}/v2/images/1`));
    expect(await failure(clientFor(api).request(ops.getImage, [1], undefined))).toBeInstanceOf(RedirectError);
    expect(other.requests).toHaveLength(0);
  });

  test("credentials in the Location are neither followed nor repeated", async () => {
    const location = `${api.url.replace("//", "//user:hunter2@")}/v2/images/2`;
    api.reply(redirect(302, location));
    const error = await failure(clientFor(api).request(ops.getImage, [1], undefined));
    expect(error).toBeInstanceOf(RedirectError);
    expect(error!.location).toBe(`${api.url}/v2/images/2`);
    expect(JSON.stringify(error) + error!.message + error!.stack).not.toContain("hunter2");
    expect(api.requests).toHaveLength(1);
  });
});

describe("within the API's origin", () => {
  test.each([301, 302, 303, 307, 308])("a GET answered %i is followed, with its headers", async (status) => {
    api.handle((req) => (req.url === "/v2/images/1" ? redirect(status, "/v2/images/2") : json(200, { at: req.url })));
    expect(await clientFor(api).request(ops.getImage, [1], undefined)).toEqual({ at: "/v2/images/2" });
    expect(api.requests.map((r) => [r.method, r.url, r.headers.authorization])).toEqual([
      ["GET", "/v2/images/1", `Bearer ${TOKEN}`],
      ["GET", "/v2/images/2", `Bearer ${TOKEN}`],
    ]);
  });

  test.each(["POST", "PUT", "PATCH", "DELETE"] as const)("a %s is not re-sent", async (method) => {
    api.reply(redirect(307, "/v2/elsewhere"));
    const op: Operation = { method, path: "/v2/things", body: "fields" };
    const error = await failure(clientFor(api).request(op, [], { name: "x" }));
    expect(error).toBeInstanceOf(RedirectError);
    expect(error!.location).toBe(`${api.url}/v2/elsewhere`);
    expect(api.requests).toHaveLength(1);
  });

  test("at most 5 hops", async () => {
    api.handle((req) => redirect(302, `/hop${Number(req.url.slice(4) || 0) + 1}`));
    const error = await failure(clientFor(api).request({ method: "GET", path: "/hop0" }, [], undefined));
    expect(error).toBeInstanceOf(RedirectError);
    expect(api.requests.map((r) => r.url)).toEqual(["/hop0", "/hop1", "/hop2", "/hop3", "/hop4", "/hop5"]);
  });
});

test("a browser's opaque redirect (which hides where it points) is not followed", async () => {
  const opaque: Fetch = async () =>
    ({ type: "opaqueredirect", status: 0, ok: false, statusText: "", headers: new Headers(), body: null }) as Response;
  const error = await failure(clientFor(api, { fetch: opaque }).request(ops.getImage, [1], undefined));
  expect(error).toBeInstanceOf(RedirectError);
  expect(error!.location).toBeUndefined();
  expect(error!.message).toMatch(/^GET \/v2\/images\/1: redirected to a hidden location, not followed/);
});

test("a 3xx without a Location is an ordinary HTTP error", async () => {
  api.reply({ status: 304, body: "" });
  const error = await failure(clientFor(api, { maxRetries: 0 }).request(ops.getImage, [1], undefined));
  expect(error).not.toBeInstanceOf(RedirectError);
  expect(error).toMatchObject({ status: 304 });
});
