// `npm run generate -- --spec <file>` accepts another version of the spec:
// YAML, split over files joined by relative $refs. It is generated and built
// through the real CLI into a temporary directory, then called end to end.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = new URL("../../../", import.meta.url).pathname;
const out = join(mkdtempSync(join(tmpdir(), "other-spec-")), "generated");
let summary = "";
let server: Server;
let baseUrl = "";
const urls: string[] = [];

beforeAll(async () => {
  summary = execFileSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "generator/cli.ts",
      "--spec",
      "test/fixtures/other-spec/openapi.yaml",
      "--out",
      out,
      "--type-check",
    ],
    {
      cwd: root,
      encoding: "utf8",
    },
  );
  server = createServer((req, res) => {
    urls.push(req.url!);
    if (req.method === "DELETE") return void res.writeHead(204).end();
    const page = new URL(req.url!, "http://x").searchParams.get("page") ?? "1";
    const body = req.url!.startsWith("/v2/widgets?")
      ? {
          widgets: [{ id: Number(page), name: `w${page}` }],
          links: page === "1" ? { pages: { next: "https://api.digitalocean.com/v2/widgets?page=2" } } : {},
        }
      : { widget: { id: 7, name: "seven" } };
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(join(out, ".."), { recursive: true, force: true });
});

describe("another spec, in YAML over several files", () => {
  it("generates with a summary and no pinned-hash check", () => {
    expect(summary).toMatch(/operations\s+3 in 1 resource groups \(1 paginated\)/);
    expect(summary).toMatch(
      /waiters: spec\/waiters\.json: waiters\[0\] "waitUntilDropletActive" left out: .* \(and 12 more like it\)/,
    );
    expect(summary).toContain("other-spec/openapi.yaml");
  });

  it("names models from the files' locations and types path parameters per operation", () => {
    const source = readFileSync(join(out, "src/resources/widgets.ts"), "utf8");
    expect(source).toMatch(/export function widgetsGet\(\s*client: Client,\s*widgetId: number \| string,/);
    expect(source).toMatch(/export function widgetsDelete\(\s*client: Client,\s*widgetId: number,/);
    expect(readFileSync(join(out, "src/models/widgets.ts"), "utf8")).toMatch(/export interface Widget \{/);
  });

  it("builds a package that calls, paginates and returns void for 204", async () => {
    const sdk = (await import(pathToFileURL(join(out, "dist/esm/index.js")).href)) as Record<
      string,
      (...args: unknown[]) => unknown
    >;
    const client = new (sdk.DigitalOcean as unknown as new (o: object) => object)({
      token: "t",
      baseUrl,
      maxRetries: 0,
    });
    expect(await sdk.widgetsGet!(client, "seven")).toEqual({ widget: { id: 7, name: "seven" } });
    const names: string[] = [];
    for await (const widget of sdk.widgetsList!(client, { per_page: 1 }) as AsyncIterable<{ name: string }>)
      names.push(widget.name);
    expect(names).toEqual(["w1", "w2"]);
    expect(await sdk.widgetsDelete!(client, 7)).toBeUndefined();
    expect(urls).toContain("/v2/widgets?per_page=1&page=2");
  });
});
