// A spec in the layout of DigitalOcean's own repository (test/fixtures/upstream-layout,
// written for these tests) generates, builds and type-checks strictly; its
// models are named by its files and fragments wherever a bundler would have
// put them; and the same API as one file (the APIs.guru layout, made here with
// a generic bundler) gives the same model names through spec data that follows
// pointers through refs.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SwaggerParser from "@apidevtools/swagger-parser";
import { parse, stringify } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { typeCheckConsumer } from "./type-check-consumer.ts";
import { generate } from "../../../generator/pipeline.ts";

const root = new URL("../../../", import.meta.url).pathname;
const fixture = join(root, "test/fixtures/upstream-layout");
const entry = join(fixture, "DigitalOcean-public.v2.yaml");
const work = mkdtempSync(join(tmpdir(), "upstream-layout-"));
const out = join(work, "generated");

const read = (dir: string, path: string) => readFileSync(join(dir, path), "utf8");
const modelNames = (dir: string) =>
  Object.keys((JSON.parse(read(dir, "openapi.json")) as { components: { schemas: object } }).components.schemas).sort();

beforeAll(async () => {
  await generate({ root, spec: entry, outDir: out, typeCheck: true });
}, 180_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("a spec in DigitalOcean's multi-file layout", () => {
  it("names models after the files and fragments that define the shared schemas", () => {
    expect(modelNames(out)).toEqual([
      "Client",
      "Meta",
      "Pagination",
      "Region",
      "RegionSlug",
      "Thing",
      "ThingAction",
      "ThingActionRename",
      "ThingsResource",
      "WidgetsRegion",
    ]);
    const spec = read(out, "openapi.json");
    expect(spec).not.toContain("x-bundled-schemas");
    expect(spec).not.toContain(".yml");
  });

  it("claims every identifier from one plan: a schema named Client or ThingsResource still builds", () => {
    const models = read(out, "src/models/widgets.ts");
    expect(models).toMatch(/export interface ClientModel \{/);
    expect(models).toMatch(/export interface ThingsResource \{/);
    expect(read(out, "src/client.ts")).toMatch(/readonly things: ThingsApi = new ThingsApi\(this\)/);
    expect(read(out, "src/models/regions.ts")).toMatch(/export interface Region \{/);
  });

  it("resolves discriminator mappings that name files, and narrows the union by tag", () => {
    const doc = JSON.parse(read(out, "openapi.json"));
    const body = doc.paths["/v2/things/{thing_id}/actions"].post.requestBody.content["application/json"].schema;
    expect(body.discriminator.mapping).toEqual({
      reboot: "#/components/schemas/ThingAction",
      power_off: "#/components/schemas/ThingAction",
      rename: "#/components/schemas/ThingActionRename",
    });
  });

  it("type-checks strictly for a consumer, and a body with the wrong tag does not", () => {
    const index = [
      `import { Client, thingActionsPost, type ThingActionsPostParams, type Thing } from "digitalocean-sdk";`,
      `const client = new Client({ token: "t" });`,
      `export const ok: ThingActionsPostParams = { type: "rename", name: "new-name" };`,
      `export const reboot: ThingActionsPostParams = { type: "reboot" };`,
      `// @ts-expect-error a reboot carries no name: the tag picks the member`,
      `export const wrong: ThingActionsPostParams = { type: "reboot", name: "x" };`,
      `// @ts-expect-error a rename needs its name`,
      `export const missing: ThingActionsPostParams = { type: "rename" };`,
      `export const call = () => thingActionsPost(client, 1, { type: "rename", name: "x" });`,
      `// @ts-expect-error the fields go flat, never under body`,
      `export const nested = () => thingActionsPost(client, 1, { body: ok });`,
      `export const region = (t: Thing) => t.region satisfies "nyc1" | "ams3" | undefined;`,
    ].join("\n");
    expect(typeCheckConsumer(out, join(work, "consumer"), { "index.ts": index })).toBe("");
  }, 60_000);

  it("does not depend on which operation meets a shared schema first", async () => {
    const copy = join(work, "reordered");
    cpSync(fixture, copy, { recursive: true });
    const doc = parse(readFileSync(entry, "utf8")) as { paths: Record<string, unknown> };
    doc.paths = Object.fromEntries(Object.entries(doc.paths).reverse());
    writeFileSync(join(copy, "DigitalOcean-public.v2.yaml"), stringify(doc));
    const reordered = join(work, "reordered-out");
    await generate({ root, spec: join(copy, "DigitalOcean-public.v2.yaml"), outDir: reordered, build: false });
    expect(modelNames(reordered)).toEqual(modelNames(out));
    const schemas = (dir: string) => JSON.parse(read(dir, "openapi.json")).components.schemas;
    expect(schemas(reordered)).toEqual(schemas(out));
    // Each model is declared in the same file (the "used by" notes follow the operations' order, as written).
    const declared = (dir: string) =>
      readdirSync(join(dir, "src/models")).map((file) => [
        file,
        read(dir, `src/models/${file}`).match(/^export \w+ \w+/gm),
      ]);
    expect(declared(reordered)).toEqual(declared(out));
  }, 120_000);

  it("gives the same names as one file bundled the generic way, through spec data that follows refs", async () => {
    // The APIs.guru layout: each shared schema written where the bundler met it first, refs into operations.
    const single = join(work, "single.json");
    writeFileSync(single, JSON.stringify(await SwaggerParser.bundle(entry)));
    const dataRoot = join(work, "root");
    cpSync(join(root, "spec"), join(dataRoot, "spec"), { recursive: true });
    symlinkSync(join(root, "templates"), join(dataRoot, "templates"), "dir");
    const useSite = (path: string, method: string, rest: string) =>
      `#/paths/${path.replaceAll("/", "~1")}/${method}/${rest}`;
    const body = "requestBody/content/application~1json/schema";
    const answer = "responses/200/content/application~1json/schema";
    const names: Record<string, string> = {
      [useSite("/v2/things", "get", `${answer}/allOf/0/properties/things/items`)]: "Thing",
      [useSite("/v2/things", "get", `${answer}/allOf/1`)]: "Pagination",
      [useSite("/v2/things", "get", `${answer}/allOf/2`)]: "Meta",
      [useSite("/v2/things/{thing_id}/actions", "post", `${body}/oneOf/0`)]: "ThingAction",
      [useSite("/v2/things/{thing_id}/actions", "post", `${body}/oneOf/1`)]: "ThingActionRename",
      [useSite("/v2/regions", "get", `${answer}/allOf/0/properties/regions/items`)]: "Region",
      [useSite("/v2/regions", "get", `${answer}/allOf/0/properties/regions/items/properties/slug`)]: "RegionSlug",
      [useSite("/v2/widgets/{widget_id}", "get", `${answer}/properties/widget/properties/region`)]: "WidgetsRegion",
      [useSite("/v2/widgets/{widget_id}", "get", `${answer}/properties/widget/properties/client`)]: "Client",
      [useSite("/v2/widgets/{widget_id}", "get", `${answer}/properties/widget/properties/resource`)]: "ThingsResource",
    };
    writeFileSync(join(dataRoot, "spec/model-names.json"), JSON.stringify({ description: "test", names }));
    // The generic bundler leaves the mappings naming files; the fix is data, as for the pinned spec.
    const fixMapping = (path: string, value: string, member: number) => ({
      target: `$.paths['${path}'].post.requestBody.content['application/json'].schema.discriminator.mapping[?@ == '${value}']`,
      update: useSite(path, "post", `${body}/oneOf/${member}`),
    });
    const file = "models/thing_actions.yml";
    writeFileSync(
      join(dataRoot, "spec/overlays/thing-mappings.json"),
      JSON.stringify({
        overlay: "1.0.0",
        info: { title: "mappings", version: "1" },
        actions: [
          fixMapping("/v2/things/{thing_id}/actions", `${file}#/thing_action`, 0),
          fixMapping("/v2/things/{thing_id}/actions", `${file}#/thing_action_rename`, 1),
          fixMapping("/v2/things/actions", `${file}#/thing_action`, 0),
        ],
      }),
    );
    const fromOneFile = join(work, "single-out");
    const fromFiles = join(work, "files-out");
    const one = await generate({ root: dataRoot, spec: single, outDir: fromOneFile, build: false });
    await generate({ root: dataRoot, spec: entry, outDir: fromFiles, build: false });
    expect(modelNames(fromOneFile)).toEqual(modelNames(out));
    // The same data leaves the multi-file spec's names (its authors') as they were.
    expect(modelNames(fromFiles)).toEqual(modelNames(out));
    // Everything the single file needed was given as data; only the pinned spec's own waiters are missing here.
    expect(one.reports.filter((r) => r.pass !== "waiters").flatMap((r) => r.warnings)).toEqual([]);
  }, 120_000);
});
