// `npm run api-diff`: the text report (grouped by resource, tagged, semver
// last), --json, --markdown, the exit codes, and clear errors for sides that
// cannot be read.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { apiDiff } from "../../../generator/surface/cli.ts";
import { markdownReport } from "../../../generator/surface/report.ts";
import { serializeSurface } from "../../../generator/surface/surface-file.ts";
import { type Fixture, ok, query, surfaceOf } from "./support.ts";

const dir = mkdtempSync(join(tmpdir(), "api-diff-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const get = (operationId: string, tag: string, parameters: object[] = []) => ({
  operationId,
  tags: [tag],
  parameters,
  responses: ok({ type: "object", properties: { id: { type: "integer" } } }),
});
const before: Fixture = {
  paths: {
    "/v2/droplets": { get: get("droplets_list", "Droplets", [query("tag_name")]) },
    "/v2/droplets/{id}": {
      delete: { ...get("droplets_destroy", "Droplets"), responses: { "204": { description: "" } } },
    },
    "/v2/images": { get: get("images_list", "Images") },
  },
};
const after: Fixture = {
  paths: {
    "/v2/droplets": { get: get("droplets_list", "Droplets", [query("tag_name", undefined, true)]) },
    "/v2/images": { get: get("images_list", "Images", [query("private", { type: "boolean" })]) },
  },
};

/** A side as the CLI reads it: a directory holding api.json, or the file itself. */
function side(name: string, fixture: Fixture, asDirectory: boolean): string {
  const target = join(dir, name);
  mkdirSync(target, { recursive: true });
  writeFileSync(join(target, "api.json"), serializeSurface(surfaceOf(fixture)));
  return asDirectory ? target : join(target, "api.json");
}

const old = side("old", before, true);
const next = side("new", after, false);

describe("npm run api-diff", () => {
  it("prints the changes grouped by resource, each tagged, then the counts, with the verdict on the last line", () => {
    const result = apiDiff([old, next]);
    expect(result).toMatchObject({ code: 0, err: "" });
    expect(result.out).toBe(
      [
        "droplets",
        "  BREAKING    dropletsDestroy: removed (DELETE /v2/droplets/{id})",
        "  BREAKING    dropletsList query tag_name: now required",
        "images",
        "  added       imagesList query private: optional parameter added",
        "",
        "2 BREAKING, 0 changed, 0 deprecated, 1 added",
        "semver: major",
        "",
      ].join("\n"),
    );
  });

  it("prints `no API changes` for the same surface, from a directory and from its api.json", () => {
    expect(apiDiff([old, join(old, "api.json")]).out).toBe("no API changes\nsemver: patch\n");
  });

  it("--json gives the changes for machines", () => {
    const parsed = JSON.parse(apiDiff([old, next, "--json"]).out);
    expect(parsed.semver).toBe("major");
    expect(parsed.counts).toEqual({ BREAKING: 2, changed: 0, deprecated: 0, added: 1 });
    expect(parsed.changes[1]).toEqual({
      tag: "BREAKING",
      rule: "parameter.required",
      resource: "droplets",
      subject: "dropletsList",
      at: "query tag_name",
      message: "now required",
    });
  });

  it("--markdown gives a changelog entry, breaking changes first", () => {
    expect(apiDiff([old, next, "--markdown"]).out).toBe(
      [
        "## API changes (semver: major)",
        "",
        "### Breaking changes",
        "",
        "- **droplets**: `dropletsDestroy`: removed (DELETE /v2/droplets/{id})",
        "- **droplets**: `dropletsList query tag_name`: now required",
        "",
        "### Added",
        "",
        "- **images**: `imagesList query private`: optional parameter added",
        "",
      ].join("\n"),
    );
    expect(apiDiff([old, old, "--markdown"]).out).toContain("No API changes.");
  });

  it("--markdown escapes only what would become markup: snake_case names stay readable", () => {
    const change = { tag: "changed" as const, rule: "type.widened", resource: "apps", subject: "App", at: "App.spec" };
    const message = "type changed from *any* <x> [y] to snake_case _z_";
    const text = markdownReport({
      semver: "minor",
      counts: { BREAKING: 0, changed: 1, deprecated: 0, added: 0 },
      changes: [{ ...change, message }],
    });
    expect(text).toContain("- **apps**: `App.spec`: type changed from \\*any\\* \\<x> \\[y\\] to snake_case \\_z\\_\n");
  });

  it("exits 0 with breaking changes, and 2 with --fail-on-breaking (for CI)", () => {
    expect(apiDiff([old, next, "--fail-on-breaking"]).code).toBe(2);
    expect(apiDiff([old, old, "--fail-on-breaking"]).code).toBe(0);
    expect(apiDiff([next, old, "--fail-on-breaking"]).code).toBe(2);
  });

  it("exits 1 with one clear message for a side it cannot read, or bad arguments", () => {
    const empty = join(dir, "empty");
    mkdirSync(empty);
    const broken = join(dir, "broken.json");
    writeFileSync(broken, "{ nope");
    const foreign = join(dir, "foreign.json");
    writeFileSync(foreign, JSON.stringify({ format: 99 }));
    const damaged = join(dir, "damaged.json");
    const surface = surfaceOf(before);
    (surface.operations.dropletsList!.query!.tag_name as { type: unknown }).type = { kind: "string" };
    writeFileSync(damaged, JSON.stringify(surface));
    for (const [args, message] of [
      [[old], "api-diff: expected two sides"],
      [[old, next, "--json", "--markdown"], "api-diff: --json or --markdown, not both"],
      [[old, next, "--yaml"], "api-diff: Unknown option '--yaml'"],
      [[old, join(dir, "missing")], `api-diff: ${join(dir, "missing")}: no such file or directory`],
      [[empty, old], `api-diff: ${empty} has no api.json: run \`npm run generate\``],
      [[broken, old], `api-diff: ${broken}: not valid JSON`],
      [[foreign, old], `api-diff: ${foreign}: format: is 99, but this api-diff reads format 1`],
      [[damaged, old], `api-diff: ${damaged}: operations.dropletsList.query.tag_name: not a type description`],
    ] as const) {
      const result = apiDiff([...args]);
      expect(result.code, message).toBe(1);
      expect(result.out).toBe("");
      expect(result.err.startsWith(message), result.err).toBe(true);
    }
  });
});
