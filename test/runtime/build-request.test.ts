// Path, query, header and body building: path arguments fill exactly one
// segment and never move the request; headers cannot be split.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildBody, buildUrl, setHeader } from "../../templates/runtime/build-request.ts";
import { ArgumentError, type Operation } from "../../templates/runtime/index.ts";
import { TOKEN, clientFor, ops } from "./fixtures.ts";
import { json, startServer, type TestServer } from "./server.ts";

const base = "https://api.example.test";
const repoOp: Operation = {
  method: "GET",
  path: "/v2/registry/{registry_name}/repositories/{repository_name}/digests/{manifest_digest}",
};

describe("buildUrl", () => {
  test("fills placeholders in order, each encoded as one segment", () => {
    expect(buildUrl(base, repoOp, ["reg", "my/repo", "sha256:ab12"], {})).toBe(
      base + "/v2/registry/reg/repositories/my%2Frepo/digests/sha256:ab12",
    );
    expect(buildUrl(base, ops.getImage, [42], {})).toBe(base + "/v2/images/42");
    expect(buildUrl(base, ops.getImage, ["a b?c#d"], {})).toBe(base + "/v2/images/a%20b%3Fc%23d");
    expect(buildUrl(base, ops.getImage, ["..."], {})).toBe(base + "/v2/images/...");
  });

  test.each([
    ["undefined", undefined],
    ["null", null],
    ["the empty string", ""],
    ['"."', "."],
    ['".."', ".."],
    ["an object", { id: 1 }],
    ["a lone surrogate (not percent-encodable)", "a\ud800b"],
  ])("rejects %s, naming the parameter", (_, value) => {
    expect(() => buildUrl(base, ops.getImage, [value], {})).toThrow(ArgumentError);
    expect(() => buildUrl(base, ops.getImage, [value], {})).toThrow(/"image_id"/);
  });

  test.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    "rejects the non-finite number %s instead of sending it as text",
    (value) => {
      expect(() => buildUrl(base, ops.getImage, [value], {})).toThrow(ArgumentError);
      expect(() => buildUrl(base, ops.getImage, [value], {})).toThrow(/"image_id" must be a finite number/);
    },
  );

  test('":" and "@" stay as they are, "/" and everything else reserved is encoded', () => {
    expect(buildUrl(base, ops.getImage, ["sha256:ab@cd/ef?g#h%"], {})).toBe(
      base + "/v2/images/sha256:ab@cd%2Fef%3Fg%23h%25",
    );
  });

  test("a missing trailing argument is rejected with its own name", () => {
    expect(() => buildUrl(base, repoOp, ["reg", "repo"], {})).toThrow(/"manifest_digest"/);
  });

  test("query: only declared keys, arrays as repeated keys, scalars stringified, undefined omitted", () => {
    const url = buildUrl(base, ops.listDroplets, [], {
      per_page: 20,
      tag_name: ["a", "b c"],
      name: undefined,
      type: true,
      other: "x",
    });
    expect(url).toBe(base + "/v2/droplets?per_page=20&tag_name=a&tag_name=b+c&type=true");
    expect(new URL(url).searchParams.getAll("tag_name")).toEqual(["a", "b c"]);
  });

  test("query: Dates as ISO 8601, in arrays too", () => {
    const at = new Date(Date.UTC(2030, 0, 2, 3, 4, 5, 6));
    expect(buildUrl(base, ops.listDroplets, [], { name: at, type: [at, "x"] })).toBe(
      base + "/v2/droplets?name=2030-01-02T03%3A04%3A05.006Z&type=2030-01-02T03%3A04%3A05.006Z&type=x",
    );
  });

  test.each([
    ["an object", { region: "nyc3" }],
    ["an object in an array", [{ region: "nyc3" }]],
    ["an array in an array", [["a"]]],
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
    ["an invalid Date", new Date(Number.NaN)],
    ["a function", () => "x"],
    ["a symbol", Symbol("x")],
  ])("query: %s is an ArgumentError naming the parameter, not [object Object]", (_, value) => {
    const build = () => buildUrl(base, ops.listDroplets, [], { tag_name: value });
    expect(build).toThrow(ArgumentError);
    expect(build).toThrow(/^Query parameter "tag_name" must be/);
  });

  test("query: an object where the operation declares the parameter deepObject", () => {
    const op: Operation = { method: "GET", path: "/v2/things", query: ["filter", "q"], deepObject: ["filter"] };
    expect(buildUrl(base, op, [], { filter: { region: "nyc3", size: undefined, count: 2 }, q: "x" })).toBe(
      base + "/v2/things?filter%5Bregion%5D=nyc3&filter%5Bcount%5D=2&q=x",
    );
    // Only one level deep, as the style defines; and only for the declared parameter.
    expect(() => buildUrl(base, op, [], { filter: { region: { deep: 1 } } })).toThrow(ArgumentError);
    expect(() => buildUrl(base, op, [], { q: { a: 1 } })).toThrow(ArgumentError);
  });

  test("joins a base URL with trailing slashes and no query", () => {
    expect(buildUrl(base + "//", ops.getImage, [1], { per_page: 2 })).toBe(base + "/v2/images/1");
  });
});

describe("buildBody", () => {
  test("fields: every param that is not a query or header key, undefined dropped", () => {
    const op: Operation = {
      method: "POST",
      path: "/x",
      query: ["q"],
      headers: { dangerous: "X-Dangerous" },
      body: "fields",
    };
    expect(JSON.parse(buildBody(op, { q: 1, dangerous: true, name: "fw", tags: ["a"], gone: undefined })!)).toEqual({
      name: "fw",
      tags: ["a"],
    });
  });

  test("fields: none given sends no body, unless the operation requires one", () => {
    const op: Operation = { method: "POST", path: "/x", query: ["q"], body: "fields" };
    expect(buildBody(op, { q: 1, name: undefined })).toBeUndefined();
    expect(buildBody({ ...op, bodyRequired: true }, { q: 1, name: undefined })).toBe("{}");
  });

  test("body: the value of params.body, or nothing", () => {
    const op: Operation = { method: "PUT", path: "/x", body: "body" };
    expect(buildBody(op, { body: [1, 2] })).toBe("[1,2]");
    expect(buildBody(op, {})).toBeUndefined();
    expect(buildBody({ method: "GET", path: "/x" }, { a: 1 })).toBeUndefined();
  });
});

describe("setHeader", () => {
  test("lower-cases names, stringifies values, skips null and undefined", () => {
    const h: Record<string, string> = {};
    setHeader(h, "X-Dangerous", true);
    setHeader(h, "X-Skip", undefined);
    setHeader(h, "X-Null", null);
    expect(h).toEqual({ "x-dangerous": "true" });
  });

  test.each(["a\r\nInjected: 1", "a\nb", "a\rb"])("rejects CR or LF in %j", (value) => {
    expect(() => setHeader({}, "X-Custom", value)).toThrow(ArgumentError);
    expect(() => setHeader({}, "X-Custom", value)).toThrow(/"X-Custom"/);
  });

  test.each(["X-A\r\nX-B", "x:y", "x y", ""])("rejects the name %j, which is not a token", (name) => {
    expect(() => setHeader({}, name, "1")).toThrow(ArgumentError);
  });

  test("accepts Latin-1 values that only look odd, and the token characters in names", () => {
    const h: Record<string, string> = {};
    setHeader(h, "X-Odd_name!#$%&'*+.^`|~", "tab\there, é, x: y, %0d%0a");
    expect(h).toEqual({ "x-odd_name!#$%&'*+.^`|~": "tab\there, é, x: y, %0d%0a" });
  });

  test("the message names the header but never the value", () => {
    expect(() => setHeader({}, "authorization", "Bearer secret\n")).toThrow(/^Header "authorization" (?!.*secret)/);
  });
});

describe("on the wire", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(() => json(200, { droplets: [] }));
  });
  afterAll(() => server.close());

  test("an encoded path argument reaches the server as one segment", async () => {
    const before = server.requests.length;
    await clientFor(server).request(repoOp, ["reg", "my/repo", "sha256:ab"], undefined);
    // As DigitalOcean documents it: "/" encoded, ":" as it is.
    expect(server.requests[before]!.url).toBe("/v2/registry/reg/repositories/my%2Frepo/digests/sha256:ab");
  });

  test("invalid path arguments and CR/LF headers fail before anything is sent", async () => {
    const client = clientFor(server);
    const before = server.requests.length;
    await expect(client.request(ops.getImage, [".."], undefined)).rejects.toThrow(ArgumentError);
    // An untyped JS caller that forgets the argument.
    await expect(client.request(ops.getImage, [], undefined)).rejects.toThrow(/"image_id"/);
    await expect(
      client.request(ops.getImage, [1], undefined, { headers: { "X-Trace": "a\r\nX-Evil: 1" } }),
    ).rejects.toThrow(ArgumentError);
    await expect(client.request(ops.getImage, [1], undefined, { userAgent: "ua\n" })).rejects.toThrow(/user-agent/);
    await expect(client.request(ops.dangerousDelete, [1], { "X-Dangerous": "true\r\n" })).rejects.toThrow(
      /X-Dangerous/,
    );
    await expect(
      clientFor(server, { token: TOKEN + "\r\nX-Evil: 1" }).request(ops.getImage, [1], undefined),
    ).rejects.toThrow(ArgumentError);
    expect(server.requests.length).toBe(before);
  });

  test("header params, JSON bodies and query params as the server sees them", async () => {
    const client = clientFor(server);
    const before = server.requests.length;
    await client.request(ops.dangerousDelete, [7], { "X-Dangerous": true });
    await client.request(ops.createFirewall, [], {
      name: "fw",
      inbound_rules: [{ protocol: "tcp" }],
      droplet_ids: undefined,
    });
    await client.request(ops.listDroplets, [], { tag_name: "web", per_page: 5 });
    const [del, post, list] = server.requests.slice(before);
    expect(del!.url).toBe("/v2/droplets/7/destroy_with_associated_resources/dangerous");
    expect(del!.headers["x-dangerous"]).toBe("true");
    expect(del!.body).toBe("");
    expect(post!.method).toBe("POST");
    expect(post!.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(post!.body)).toEqual({ name: "fw", inbound_rules: [{ protocol: "tcp" }] });
    expect(list!.url).toBe("/v2/droplets?per_page=5&tag_name=web");
    expect(list!.headers["content-type"]).toBeUndefined();
  });
});
