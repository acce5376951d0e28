// A header value with CR or LF could end the header and start another (or
// the body): every way a caller can set a header refuses one before anything
// is sent, with an ArgumentError that names the header and never the token.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startRawServer, type RawServer } from "./support/raw-server.ts";
import { clientFor, outcome, sdk, TOKEN } from "./support/sdk.ts";

let server: RawServer;
beforeAll(async () => {
  server = await startRawServer();
});
afterAll(() => server.close());
beforeEach(() => void server.requests.splice(0));

const breaking = [
  "\r\nX-Injected: 1",
  "true\r\nX-Injected: 1",
  "a\nb",
  "a\rb",
  "trailing\n",
  "\r\n\r\nGET / HTTP/1.1",
  "x\u2028y\ny",
];

/** Each way of setting a header, given a bad value; returns the call and the header name the error must name. */
const routes: [string, (bad: string) => () => Promise<unknown>, string][] = [
  [
    "a generated header parameter",
    (bad) => () =>
      sdk.dropletsDestroyWithAssociatedResourcesDangerous(clientFor(server.url), 1, { "X-Dangerous": bad as never }),
    "x-dangerous",
  ],
  [
    "the client's headers option",
    (bad) => () => sdk.imagesGet(clientFor(server.url, { headers: { "x-trace": bad } }), 1),
    "x-trace",
  ],
  [
    "a request's headers option",
    (bad) => () => sdk.imagesGet(clientFor(server.url), 1, { headers: { "x-trace": bad } }),
    "x-trace",
  ],
  ["userAgent", (bad) => () => sdk.imagesGet(clientFor(server.url, { userAgent: bad }), 1), "user-agent"],
  ["the token", (bad) => () => sdk.imagesGet(clientFor(server.url, { token: TOKEN + bad }), 1), "authorization"],
];

describe.each(routes)("through %s", (_, call, name) => {
  it.each(breaking.map((v) => [JSON.stringify(v), v]))("refuses %s", async (_, bad) => {
    const error = await outcome(call(bad));
    expect(error).toBeInstanceOf(sdk.ArgumentError);
    expect((error as Error).message).toMatch(new RegExp(`"${name}"`, "i"));
    expect((error as Error).message).not.toContain(TOKEN);
    expect(server.requests).toEqual([]);
  });
});

describe("values that only look odd are sent as they are", () => {
  it.each(["a\tb", "é", "x: y", "  padded  ".trim(), "%0d%0a"])("%j", async (value) => {
    await sdk.imagesGet(clientFor(server.url), 1, { headers: { "x-trace": value } });
    const [request] = server.requests;
    expect(request!.headerLines.filter((h) => /^x-trace:/i.test(h))).toHaveLength(1);
    // fetch writes header values as Latin-1, which the raw server reads back as such.
    expect(request!.headers["x-trace"]).toBe(value);
    expect(request!.headerLines.some((h) => /^x-injected/i.test(h))).toBe(false);
  });
});

describe("header names", () => {
  // fetch refuses these too, but later: as a failed send (a retried ConnectionError), not as the caller's mistake.
  it.each(["x-a\r\nx-injected", "x:y"])("refuses the name %j before sending, as an ArgumentError", async (name) => {
    const error = await outcome(() => sdk.imagesGet(clientFor(server.url), 1, { headers: { [name]: "v" } }));
    expect(error).toBeInstanceOf(sdk.ArgumentError);
    expect(server.requests).toEqual([]);
  });
});
