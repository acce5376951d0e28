// extraQuery and extraBody carry what the spec does not describe, merged
// into the request on the wire; what cannot be merged is an ArgumentError
// before anything is sent.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { ArgumentError, type Operation } from "../../templates/runtime/index.ts";
import { clientFor, ops } from "./fixtures.ts";
import { json, startServer, type TestServer } from "./server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startServer(() => json(200, { droplets: [], firewall: {} }));
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const last = () => server.requests.at(-1)!;
const putRaw: Operation = { method: "PUT", path: "/v2/things", body: "body" };

describe("extraQuery", () => {
  test("adds parameters the spec lacks, serialised like the spec's own", async () => {
    await clientFor(server).request(
      ops.listDroplets,
      [],
      { per_page: 5 },
      {
        extraQuery: { with_volumes: true, since: new Date(Date.UTC(2030, 0, 2)), ids: [1, 2], skip: undefined },
      },
    );
    expect(last().url).toBe("/v2/droplets?per_page=5&with_volumes=true&since=2030-01-02T00%3A00%3A00.000Z&ids=1&ids=2");
  });

  test("replaces a parameter of the same name, so a wrong spec can be worked around", async () => {
    await clientFor(server).request(
      ops.listDroplets,
      [],
      { per_page: 5, tag_name: "a" },
      {
        extraQuery: { per_page: 200 },
      },
    );
    expect(last().url).toBe("/v2/droplets?tag_name=a&per_page=200");
  });

  test("on an operation without query parameters too", async () => {
    await clientFor(server).request(ops.getImage, [1], undefined, { extraQuery: { include: "regions" } });
    expect(last().url).toBe("/v2/images/1?include=regions");
  });

  test("an object value is an ArgumentError, nothing sent", async () => {
    await expect(
      clientFor(server).request(ops.getImage, [1], undefined, { extraQuery: { filter: { a: 1 } } }),
    ).rejects.toThrow(ArgumentError);
    expect(server.requests).toHaveLength(0);
  });
});

describe("extraBody", () => {
  test("merges into a JSON object body, over the spec's fields", async () => {
    await clientFor(server).request(
      ops.createFirewall,
      [],
      { name: "fw", tags: ["a"] },
      {
        extraBody: { tags: ["b"], vpc_uuid: "v-1" },
      },
    );
    expect(JSON.parse(last().body)).toEqual({ name: "fw", tags: ["b"], vpc_uuid: "v-1" });
    expect(last().headers["content-type"]).toBe("application/json");
  });

  test("into an object body given under `body`", async () => {
    await clientFor(server).request(putRaw, [], { body: { a: 1 } }, { extraBody: { b: 2 } });
    expect(JSON.parse(last().body)).toEqual({ a: 1, b: 2 });
  });

  test("becomes the body of an operation that has none (a DELETE the spec leaves bodiless)", async () => {
    await clientFor(server).request(ops.deleteTag, ["web"], undefined, { extraBody: { force: true } });
    expect(last().method).toBe("DELETE");
    expect(JSON.parse(last().body)).toEqual({ force: true });
    expect(last().headers["content-type"]).toBe("application/json");
  });

  test.each([
    ["an array body", putRaw, { body: [1, 2] }, { b: 2 }],
    ["a scalar body", putRaw, { body: "text" }, { b: 2 }],
    ["a GET", ops.getImage, undefined, { b: 2 }],
    ["an extraBody that is not an object", ops.createFirewall, { name: "fw" }, [1] as never],
  ] as const)("cannot extend %s: ArgumentError, nothing sent", async (_, op, params, extraBody) => {
    const error = await clientFor(server)
      .request(op as Operation, op === ops.getImage ? [1] : [], params, { extraBody })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArgumentError);
    expect((error as Error).message).toMatch(/^`extraBody` must be an object/);
    expect(server.requests).toHaveLength(0);
  });
});
