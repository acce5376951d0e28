// The default User-Agent names the SDK and its version, then the runtime
// where the runtime says so for certain; userAgent appends to it, headers
// replace it, and no runtime's globals can make building it throw.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { VERSION } from "../../templates/runtime/index.ts";
import { clientFor, ops } from "./fixtures.ts";
import { startServer, type TestServer } from "./server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  vi.resetModules();
});
afterEach(() => vi.unstubAllGlobals());

/** The User-Agent a fresh copy of the runtime sends (it works the runtime out once per load). */
async function sentUserAgent(options: Record<string, unknown> = {}): Promise<string | undefined> {
  const { Client } = await import("../../templates/runtime/index.ts");
  await new Client({ token: "t", baseUrl: server.url, ...options }).request(ops.getImage, [1], undefined);
  return server.requests.at(-1)!.headers["user-agent"];
}

describe("the default", () => {
  test("on Node: digitalocean-sdk/<version> node/<version>", async () => {
    expect(await sentUserAgent()).toBe(`digitalocean-sdk/${VERSION} node/${process.versions.node}`);
    expect(VERSION).toMatch(/^\d+\.\d+\.\d+/);
  });

  test("on Deno and Bun, which also define process.versions.node, their own name first", async () => {
    vi.stubGlobal("Deno", { version: { deno: "2.1.4" } });
    expect(await sentUserAgent()).toBe(`digitalocean-sdk/${VERSION} deno/2.1.4`);
    vi.unstubAllGlobals();
    vi.resetModules();
    vi.stubGlobal("Bun", { version: "1.1.38" });
    expect(await sentUserAgent()).toBe(`digitalocean-sdk/${VERSION} bun/1.1.38`);
  });

  test("a runtime that says nothing, or whose globals throw, gets the SDK's name alone", async () => {
    vi.stubGlobal("process", {
      get versions(): never {
        throw new Error("no access");
      },
    });
    expect(await sentUserAgent()).toBe(`digitalocean-sdk/${VERSION}`);
  });

  test("in a browser (a document), none of the SDK's own: the browser sends its own", async () => {
    vi.stubGlobal("document", {});
    expect(await sentUserAgent()).not.toContain("digitalocean-sdk");
    vi.resetModules();
    expect(await sentUserAgent({ userAgent: "my-app/1" })).toBe(
      `digitalocean-sdk/${VERSION} node/${process.versions.node} my-app/1`,
    );
  });
});

test("userAgent appends, per client and per call", async () => {
  const base = `digitalocean-sdk/${VERSION} node/${process.versions.node}`;
  expect(await sentUserAgent({ userAgent: "my-deployer/2.1" })).toBe(`${base} my-deployer/2.1`);
  await clientFor(server).request(ops.getImage, [1], undefined, { userAgent: "one-off/1" });
  expect(server.requests.at(-1)!.headers["user-agent"]).toBe(`${base} one-off/1`);
});

test("headers replace it, or remove it", async () => {
  await clientFor(server, { headers: { "User-Agent": "mine/1" } }).request(ops.getImage, [1], undefined);
  expect(server.requests.at(-1)!.headers["user-agent"]).toBe("mine/1");
  await clientFor(server).request(ops.getImage, [1], undefined, { headers: { "user-agent": undefined } });
  // Without one of ours, fetch sends its own.
  expect(server.requests.at(-1)!.headers["user-agent"]).not.toContain("digitalocean-sdk");
});
