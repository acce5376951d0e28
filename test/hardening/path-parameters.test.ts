// A path argument fills exactly one path segment: whatever the caller passes,
// the request goes to the same host and the same route, and the server gets
// the value back by percent-decoding that one segment. Checked on the raw
// request line, through generated functions.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startRawServer, type RawServer } from "./support/raw-server.ts";
import { clientFor, outcome, sdk, untyped } from "./support/sdk.ts";

let server: RawServer;
beforeAll(async () => {
  server = await startRawServer();
});
afterAll(() => server.close());
beforeEach(() => void server.requests.splice(0));

/** Values that must travel inside their segment (each is tried in both positions of a two-parameter path). */
const contained = [
  "/",
  "?",
  "#",
  "%",
  "%2e%2e",
  "%2E%2E",
  "%2f",
  "..%2f..",
  "../..",
  "./.",
  "...",
  "a/../../b",
  "\\..\\",
  "//evil.example",
  "@evil.example",
  "http://evil.example/x",
  "evil.example:80",
  "a?b=c#d",
  ";",
  "..;",
  "&x=1",
  " ",
  "\t",
  "\r\n",
  "+",
  "é",
  "名前",
  "😀",
  "\u202e",
  "\u0000",
  "%00",
  "~",
  "*",
  "'",
];

/** The segments of a request line's path, and its query. */
function target(line: string): { segments: string[]; query: string | undefined } {
  const [method, path, version] = line.split(" ");
  expect(method).toBeTruthy();
  expect(version).toBe("HTTP/1.1");
  const [pathname = "", query] = path!.split("?");
  return { segments: pathname.split("/").slice(1), query };
}

describe("a path argument stays in its segment", () => {
  it.each(contained.map((v) => [JSON.stringify(v), v]))("%s", async (_, value) => {
    const client = clientFor(server.url);
    await sdk.imagesGet(client, value);
    await sdk.domainsGetRecord(client, value, 7);
    await untyped(sdk.domainsGetRecord)(client, "example.com", value);
    expect(server.requests).toHaveLength(3);
    for (const request of server.requests) {
      expect(request.headers.host).toBe(server.host);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters on the wire are exactly what this checks for
      expect(request.line).not.toMatch(/[\x00-\x1f\x7f]/);
      expect(request.line.split(" ")).toHaveLength(3);
    }
    const [image, domain, record] = server.requests.map((r) => target(r.line));
    expect(image!.segments.slice(0, 2)).toEqual(["v2", "images"]);
    expect(image!.segments.slice(2).map(decodeURIComponent)).toEqual([value]);
    expect(image!.query).toBeUndefined();
    expect(domain!.segments.map(decodeURIComponent)).toEqual(["v2", "domains", value, "records", "7"]);
    expect(record!.segments.map(decodeURIComponent)).toEqual(["v2", "domains", "example.com", "records", value]);
  });

  it("stays under a base URL that has a path of its own", async () => {
    await sdk.imagesGet(clientFor(`${server.url}/proxy/do/`), "../../..");
    expect(server.requests.map((r) => r.line)).toEqual(["GET /proxy/do/v2/images/..%2F..%2F.. HTTP/1.1"]);
  });

  it.each(["..", ".", ""])("refuses %j before sending: it would move the request along the path", async (value) => {
    const error = await outcome(() => sdk.imagesGet(clientFor(server.url), value));
    expect(error).toBeInstanceOf(sdk.ArgumentError);
    expect((error as Error).message).toContain('"image_id"');
    expect(server.requests).toEqual([]);
  });

  it("refuses a string that is not well-formed UTF-16 with an ArgumentError (it cannot be percent-encoded)", async () => {
    const error = await outcome(() => sdk.imagesGet(clientFor(server.url), "a\ud800b"));
    expect(error).toBeInstanceOf(sdk.ArgumentError);
    expect(server.requests).toEqual([]);
  });
});

describe("an omitted or unusable path argument fails before sending, naming the parameter", () => {
  const client = () => clientFor(server.url);
  it.each([
    ["imagesGet()", () => untyped(sdk.imagesGet)(client()), "image_id"],
    ["client.images.get()", (c = client()) => untyped(c.images.get.bind(c.images))(), "image_id"],
    ["domainsGetRecord(name)", () => untyped(sdk.domainsGetRecord)(client(), "example.com"), "domain_record_id"],
    ["domainsGetRecord(undefined, 1)", () => untyped(sdk.domainsGetRecord)(client(), undefined, 1), "domain_name"],
    ["imagesGet(null)", () => untyped(sdk.imagesGet)(client(), null), "image_id"],
    ["imagesGet({})", () => untyped(sdk.imagesGet)(client(), { toString: () => "../x" }), "image_id"],
    ["imagesGet([1])", () => untyped(sdk.imagesGet)(client(), ["a/b"]), "image_id"],
    ["imagesGet(true)", () => untyped(sdk.imagesGet)(client(), true), "image_id"],
  ] as const)("%s", async (_, call, name) => {
    const error = await outcome(call);
    expect(error).toBeInstanceOf(sdk.ArgumentError);
    expect((error as Error).message).toContain(`"${name}"`);
    expect(server.requests).toEqual([]);
  });
});
