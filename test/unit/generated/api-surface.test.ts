// generated/api.json from the pinned spec (npm test regenerates it first):
// what it holds, that it stays out of the package, that a self-diff is empty,
// and the issue's acceptance check: a changed copy of the pinned spec, diffed
// against it, names every change with the right tag and verdict.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runtimeClientMembers, runtimeExportNames } from "../../../generator/naming/runtime-names.ts";
import { readSpecData } from "../../../generator/load/spec-data.ts";
import { buildModel } from "../../../generator/model/build-model.ts";
import type { OpenApiDocument } from "../../../generator/openapi.ts";
import { generate, resolveInput } from "../../../generator/pipeline.ts";
import { buildSurface } from "../../../generator/surface/build-surface.ts";
import { apiDiff } from "../../../generator/surface/cli.ts";
import { diffSurfaces } from "../../../generator/surface/diff.ts";
import { readSurface, serializeSurface } from "../../../generator/surface/surface-file.ts";

const root = new URL("../../../", import.meta.url).pathname;
const generated = join(root, "generated");
const changed = join(mkdtempSync(join(tmpdir(), "api-surface-")), "generated");

afterAll(() => rmSync(join(changed, ".."), { recursive: true, force: true }));

// biome-ignore lint/suspicious/noExplicitAny: the test edits the spec's JSON by path
type Loose = Record<string, any>;

/** The pinned spec with one change of each kind the issue names, made on the loaded JSON. */
beforeAll(async () => {
  const input = await resolveInput({ root, outDir: changed });
  const doc = structuredClone(input.doc) as Loose;
  // An operation removed.
  delete doc.paths["/v2/droplets/{droplet_id}"].delete;
  // A query parameter made required.
  const list = doc.paths["/v2/droplets"].get;
  list.parameters.find((p: Loose) => p.name === "name").required = true;
  // An operation added.
  doc.paths["/v2/droplets/{droplet_id}/snapshots/count"] = {
    get: {
      operationId: "droplets_count_snapshots",
      tags: ["Droplets"],
      parameters: [{ name: "droplet_id", in: "path", required: true, schema: { type: "integer" } }],
      responses: {
        "200": {
          description: "The number of snapshots.",
          content: { "application/json": { schema: { type: "object", properties: { count: { type: "integer" } } } } },
        },
      },
    },
  };
  // A model field's type changed (Droplet is hoisted from here).
  const droplet = list.responses["200"].content["application/json"].schema.allOf[0].properties.droplets.items;
  droplet.properties.memory = { type: "string" };
  // An operation renamed: same method and path, new operationId.
  doc.paths["/v2/uptime/checks"].post.operationId = "uptime_create_check";
  await generate({ root, outDir: changed, build: false }, { ...input, doc: doc as OpenApiDocument });
}, 120_000);

describe("generated/api.json", () => {
  it("is written with the package, deterministic in layout, and small", () => {
    const text = readFileSync(join(generated, "api.json"), "utf8");
    expect(serializeSurface(JSON.parse(text))).toBe(text);
    expect(statSync(join(generated, "api.json")).size).toBeLessThan(300_000);
    const surface = readSurface(generated);
    expect(Object.keys(surface.operations)).toHaveLength(290);
    expect(surface.operations.dropletsList).toMatchObject({
      operationId: "droplets_list",
      method: "droplets.list",
      http: "GET /v2/droplets",
      paginated: true,
      query: { per_page: { type: "integer" }, tag_name: { type: "string" } },
      types: { params: "DropletsListParams", response: "DropletsListResponse" },
    });
    expect(surface.models.Droplet!.side).toBe("response");
    expect(surface.waiters.waitUntilDropletActive).toMatchObject({ operation: "dropletsGet", path: "droplet.status" });
    expect(surface.exports).toEqual(expect.arrayContaining(["DigitalOcean", "Client", "NotFoundError", "Droplet"]));
  });

  it("says what the IR says: the surface built in memory has no changes against the file", () => {
    const doc = JSON.parse(readFileSync(join(generated, "openapi.json"), "utf8")) as OpenApiDocument;
    const runtimeDir = join(root, "templates", "runtime");
    const runtime = { exports: runtimeExportNames(runtimeDir), clientMembers: runtimeClientMembers(runtimeDir) };
    const api = buildModel(doc, runtime, { waiters: readSpecData(root).waiters });
    expect(
      diffSurfaces(buildSurface(api, { runtimeExports: runtime.exports }), readSurface(generated)).changes,
    ).toEqual([]);
  });

  it("is not part of the published package", () => {
    expect(JSON.parse(readFileSync(join(generated, "package.json"), "utf8")).files).toEqual(["dist", "README.md"]);
    const [packed] = JSON.parse(
      execFileSync("npm", ["pack", "--dry-run", "--json"], { cwd: generated, encoding: "utf8" }),
    );
    const files = (packed.files as { path: string }[]).map((f) => f.path);
    expect(files).toContain("dist/esm/index.js");
    expect(files.filter((f) => f.endsWith("api.json") || f.endsWith("openapi.json"))).toEqual([]);
  }, 60_000);

  it("compared with itself: no API changes", () => {
    expect(apiDiff([generated, join(generated, "api.json")])).toEqual({
      code: 0,
      out: "no API changes\nsemver: patch\n",
      err: "",
    });
  });
});

describe("the pinned spec against a changed copy", () => {
  it("names the removed, added and renamed operations, the newly required parameter and the retyped field", () => {
    const result = apiDiff([generated, changed]);
    expect(result.err).toBe("");
    expect(result.out).toBe(
      [
        "droplets",
        "  BREAKING    Droplet.memory: type changed from integer to string",
        "  added       dropletsCountSnapshots: added (GET /v2/droplets/{droplet_id}/snapshots/count, client.droplets.countSnapshots)",
        "  BREAKING    dropletsDestroy: removed (DELETE /v2/droplets/{droplet_id})",
        "  BREAKING    dropletsList query name: now required",
        "uptime",
        "  BREAKING    uptimeCheckCreate: renamed to uptimeCreateCheck (operationId uptime_check_create -> uptime_create_check, POST /v2/uptime/checks); client.uptime.checkCreate is now client.uptime.createCheck, UptimeCheckCreateParams is now UptimeCreateCheckParams, UptimeCheckCreateResponse is now UptimeCreateCheckResponse",
        "",
        "4 BREAKING, 0 changed, 0 deprecated, 1 added",
        "semver: major",
        "",
      ].join("\n"),
    );
  });

  it("tags each of them by its rule in --json", () => {
    const { changes, semver } = JSON.parse(apiDiff([generated, changed, "--json"]).out);
    expect(semver).toBe("major");
    expect(changes.map((c: Loose) => `${c.tag} ${c.rule} ${c.subject}${c.at ? ` ${c.at}` : ""}`)).toEqual([
      "BREAKING type.changed Droplet Droplet.memory",
      "added operation.added dropletsCountSnapshots",
      "BREAKING operation.removed dropletsDestroy",
      "BREAKING parameter.required dropletsList query name",
      "BREAKING operation.renamed uptimeCheckCreate",
    ]);
  });
});
