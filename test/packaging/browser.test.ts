// The ESM build in headless Chromium: a page served from one local origin
// calls the Prism mock on another (CORS, with the Authorization header and a
// JSON body, so preflighted), and a client without a token fails with the
// SDK's ConfigurationError: the Node-only token lookup degrades cleanly.
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPrism, type PrismServer } from "../../scripts/prism/prism-server.ts";
import { root } from "./support/consumers.ts";

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8" };

/** Serves the test page at / and generated/dist/esm under /dist/esm/, nothing else. */
function startStaticServer(): Promise<{ server: Server; url: string }> {
  const esm = join(root, "generated/dist/esm");
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const file =
      path === "/"
        ? join(import.meta.dirname, "support/browser-page.html")
        : path.startsWith("/dist/esm/")
          ? join(esm, normalize(path.slice("/dist/esm/".length)))
          : "";
    if (!file?.startsWith(path === "/" ? import.meta.dirname : esm) || !existsSync(file) || !statSync(file).isFile())
      return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  );
}

/**
 * Debian's Chromium, which CI installs (`.ci/run`); tests never install
 * anything. Set CHROMIUM_PATH to use another build.
 */
const executablePath = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find(
  (p) => p && existsSync(p),
);
const inCi = process.env.CI === "true";
if (!executablePath && !inCi) {
  console.warn(
    "browser test skipped: no Chromium at /usr/bin/chromium (set CHROMIUM_PATH); in CI (CI=true) it fails instead",
  );
}

describe.skipIf(!executablePath && !inCi)("the ESM build in Chromium", () => {
  let browser: Browser | undefined;
  let prism: PrismServer | undefined;
  let site: { server: Server; url: string } | undefined;

  beforeAll(async () => {
    if (!executablePath)
      throw new Error("CI=true but no Chromium at /usr/bin/chromium: .ci/run installs Debian's chromium package");
    [prism, site] = await Promise.all([
      startPrism({ spec: join(root, "generated/openapi.json"), args: [] }),
      startStaticServer(),
    ]);
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await prism?.stop();
    await new Promise<void>((r) => (site ? site.server.close(() => r()) : r()));
  });

  it("calls the mock API across origins, and a client without a token fails with ConfigurationError", async () => {
    const page = await browser!.newPage();
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
    page.on("console", (message) => void (message.type() === "error" && problems.push(`console: ${message.text()}`)));
    await page.goto(`${site!.url}/?api=${encodeURIComponent(prism!.baseUrl)}`);
    await page.waitForFunction(() => "results" in window);
    const results = await page.evaluate(() => (window as unknown as { results: Promise<unknown> }).results);
    expect(problems).toEqual([]);
    expect(results).toEqual({
      hasProcess: false,
      pageOrigin: site!.url,
      email: "string",
      tagName: "string",
      rateLimit: "parsed",
      tokenless: {
        name: "ConfigurationError",
        message: expect.stringContaining("No API token"),
        isSdkError: true,
        isConfigurationError: true,
        isReferenceError: false,
      },
    });
    expect(new URL(prism!.baseUrl).origin).not.toBe(site!.url);
  });
});
