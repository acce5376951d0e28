// A JavaScript caller's mistakes are errors, not silent loss (issue 12): an
// unknown params key, a missing required field or a missing required body is
// an ArgumentError before anything is sent; an open body takes unknown keys.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { ArgumentError, type Operation } from "../../templates/runtime/index.ts";
import { clientFor, ops } from "./fixtures.ts";
import { json, startServer, type TestServer } from "./server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startServer(() => json(200, { ok: true }));
});
afterAll(() => server.close());
beforeEach(() => server.reset());

/** POST /v2/volumes as the generator describes it: its fields, which are required, a query and a header key. */
const createVolume: Operation = {
  method: "POST",
  path: "/v2/volumes",
  query: ["dry_run"],
  headers: { trace: "X-Trace" },
  body: "fields",
  fields: ["name", "size_gigabytes", "region", "tags"],
  required: ["name", "size_gigabytes"],
  bodyRequired: true,
};
/** A by-tag action: a union body whose fields are all named, and whose `type` every alternative requires. */
const actionByTag: Operation = {
  method: "POST",
  path: "/v2/droplets/actions",
  query: ["tag_name"],
  body: "fields",
  fields: ["type", "name", "image"],
  required: ["type"],
  bodyRequired: true,
};
/** A body that is an array: it goes under `body`. */
const putTags: Operation = { method: "PUT", path: "/v2/things/{id}/tags", body: "body", bodyRequired: true };
/** A body whose schema allows additional properties. */
const setMetadata: Operation = { method: "PUT", path: "/v2/metadata", body: "fields", fields: ["owner"], open: true };

const rejects = async (op: Operation, pathArgs: unknown[], params: object | undefined, pattern: RegExp) => {
  const error = await clientFor(server)
    .request(op, pathArgs, params)
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ArgumentError);
  expect((error as Error).message).toMatch(pattern);
  expect(server.requests).toHaveLength(0);
  return error as ArgumentError;
};

describe("an unknown key", () => {
  test("is an ArgumentError naming it and the operation, pointing to extraQuery and extraBody; nothing sent", async () => {
    const error = await rejects(
      createVolume,
      [],
      { name: "v", size_gigabytes: 10, size_gb: 10 },
      /^Unknown parameter "size_gb" for POST \/v2\/volumes/,
    );
    expect(error.message).toContain("extraQuery or extraBody");
  });

  test("on an operation without a body or query (a typo in a GET's options)", async () => {
    await rejects(ops.getImage, [1], { include_regions: true }, /^Unknown parameter "include_regions" for GET/);
  });

  test("on a list operation, a key that is not one of its query parameters", async () => {
    await rejects(ops.listDroplets, [], { per_page: 5, tag: "web" }, /"tag"/);
  });

  test("the fields of a non-object body passed flat: the message says the body goes under `body`", async () => {
    await rejects(putTags, [1], { tags: ["a"] }, /its body goes under `body`/);
  });

  test('the reverse mistake, an object body under `body`, is refused instead of sending {"body": …}', async () => {
    await rejects(createVolume, [], { body: { name: "v", size_gigabytes: 10 } }, /^Unknown parameter "body"/);
  });

  test("a by-tag action passed flat with a field the body does not have", async () => {
    await rejects(actionByTag, [], { tag_name: "web", type: "power_off", force: true }, /"force"/);
  });

  test("undefined values are left out, whatever their key", async () => {
    await clientFor(server).request(createVolume, [], { name: "v", size_gigabytes: 10, typo: undefined });
    expect(JSON.parse(server.requests[0]!.body)).toEqual({ name: "v", size_gigabytes: 10 });
  });

  test("query, header and body keys each go where they belong", async () => {
    await clientFor(server).request(createVolume, [], {
      name: "v",
      size_gigabytes: 10,
      dry_run: true,
      trace: "t-1",
      tags: ["a"],
    });
    const [sent] = server.requests;
    expect(sent!.url).toBe("/v2/volumes?dry_run=true");
    expect(sent!.headers["x-trace"]).toBe("t-1");
    expect(JSON.parse(sent!.body)).toEqual({ name: "v", size_gigabytes: 10, tags: ["a"] });
  });

  test("a by-tag action flat: tag_name in the query, the action in the body", async () => {
    await clientFor(server).request(actionByTag, [], { tag_name: "web", type: "power_off" });
    expect(server.requests[0]!.url).toBe("/v2/droplets/actions?tag_name=web");
    expect(JSON.parse(server.requests[0]!.body)).toEqual({ type: "power_off" });
  });

  test("an open body takes unknown keys as fields", async () => {
    await clientFor(server).request(setMetadata, [], { owner: "ops", team: "infra", cost_center: 7 });
    expect(JSON.parse(server.requests[0]!.body)).toEqual({ owner: "ops", team: "infra", cost_center: 7 });
  });

  test("a descriptor without a field list takes every other key as a field, as descriptors always did", async () => {
    await clientFor(server).request(ops.createFirewall, [], { name: "fw", anything: 1 });
    expect(JSON.parse(server.requests[0]!.body)).toEqual({ name: "fw", anything: 1 });
  });

  test("what the spec lacks goes through extraQuery and extraBody instead", async () => {
    await clientFor(server).request(
      createVolume,
      [],
      { name: "v", size_gigabytes: 10 },
      { extraQuery: { preview: 1 }, extraBody: { size_gb: 10 } },
    );
    expect(server.requests[0]!.url).toBe("/v2/volumes?preview=1");
    expect(JSON.parse(server.requests[0]!.body)).toEqual({ name: "v", size_gigabytes: 10, size_gb: 10 });
  });

  test("pagination's own `page` key is a query parameter, never unknown", async () => {
    server.handle(() => json(200, { droplets: [], links: {}, meta: { total: 0 } }));
    const items = [];
    for await (const d of clientFor(server).paginate(ops.listDroplets, [], { page: 2 })) items.push(d);
    expect(server.requests[0]!.url).toBe("/v2/droplets?page=2");
  });
});

describe("required fields and bodies", () => {
  test("a missing required field is an ArgumentError naming it; nothing sent", async () => {
    await rejects(createVolume, [], { name: "v" }, /^Missing required field "size_gigabytes" for POST \/v2\/volumes/);
    await rejects(actionByTag, [], { tag_name: "web" }, /"type"/);
  });

  test("an undefined required field is missing; null is a value and is sent", async () => {
    await rejects(createVolume, [], { name: "v", size_gigabytes: undefined }, /"size_gigabytes"/);
    await clientFor(server).request(createVolume, [], { name: "v", size_gigabytes: null });
    expect(JSON.parse(server.requests[0]!.body)).toEqual({ name: "v", size_gigabytes: null });
  });

  test("no params at all, where fields are required", async () => {
    await rejects(createVolume, [], undefined, /^Missing required field "name"/);
  });

  test("a required field given through extraBody counts (a wrong spec can be worked around)", async () => {
    await clientFor(server).request(createVolume, [], { name: "v" }, { extraBody: { size_gigabytes: 10 } });
    expect(JSON.parse(server.requests[0]!.body)).toEqual({ name: "v", size_gigabytes: 10 });
  });

  test("a missing required body (body under `body`) is an ArgumentError; nothing sent", async () => {
    await rejects(putTags, [1], {}, /^PUT \/v2\/things\/\{id\}\/tags requires a body: pass it as `body`/);
    await rejects(putTags, [1], undefined, /requires a body/);
    await clientFor(server).request(putTags, [1], { body: ["a", "b"] });
    expect(server.requests[0]!.body).toBe('["a","b"]');
  });
});
