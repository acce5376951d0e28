// The packed package in real consumer projects: ESM and CommonJS JavaScript,
// TypeScript with node16 and with bundler resolution. Each installs the
// tarball, type-checks strictly against the shipped declarations, and runs a
// call against a local server.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consumers, expectedCalls, expectedOutput, root } from "./support/consumers.ts";

const run = promisify(execFile);
const npm = (args: string[], cwd: string) =>
  run("npm", [...args, "--no-audit", "--no-fund", "--loglevel=error"], {
    cwd,
    env: { ...process.env, npm_config_update_notifier: "false" },
  });
const tsc = join(root, "node_modules/typescript/bin/tsc");

let work: string;
let tarball: string;
let server: Server;
let baseUrl: string;
const seen: IncomingHttpHeaders[] = [];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "do-sdk-consumers-"));
  await npm(["pack", join(root, "generated"), "--pack-destination", work], work);
  tarball = join(work, readdirSync(work).find((f) => f.endsWith(".tgz"))!);
  server = createServer((req, res) => {
    seen.push(req.headers);
    if (req.url === "/v2/account") {
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ account: { email: "sammy@example.com", droplet_limit: 25 } }));
    } else {
      res
        .writeHead(404, { "content-type": "application/json" })
        .end(JSON.stringify({ id: "not_found", message: "The resource you were accessing could not be found." }));
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  if (work) rmSync(work, { recursive: true, force: true });
});

describe.each(consumers)("$name consumer", ({ name, files, entry }) => {
  it("installs the tarball, type-checks strictly and calls the API", async () => {
    const dir = join(work, name);
    mkdirSync(dir);
    for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
    // The package has no dependencies, so installing the tarball needs no registry.
    await npm(["install", tarball, "--offline"], dir);
    const checked = await run(process.execPath, [tsc, "-p", "."], { cwd: dir }).catch((e: { stdout: string }) => e);
    expect(checked.stdout).toBe("");
    const before = seen.length;
    const { stdout } = await run(process.execPath, [entry, baseUrl], { cwd: dir });
    expect(JSON.parse(stdout)).toEqual(expectedOutput);
    expect(seen.slice(before).map((h) => h.authorization)).toEqual(
      Array(expectedCalls[name] ?? 3).fill("Bearer consumer-token"),
    );
  });
});
