// End to end: generate (and build) v1 of a small fixture spec, then v2 into
// the same output directory, in a project root whose spec/renames.json softens
// one rename. The second run's summary counts the changes; `npm run api-diff`
// (the real command, in a child process) names each one; the built package
// still exports the renamed operation's old names as deprecated aliases.
import { execFile } from "node:child_process";
import { copyFileSync, cpSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate, type GenerateResult } from "../../generator/pipeline.ts";
import { summary } from "../../generator/summary.ts";
import { removeTempDirs, root, tempDir } from "./support/generator-cli.ts";

const tsx = createRequire(join(root, "package.json")).resolve("tsx/cli");
const fixtures = join(root, "test/fixtures/api-diff");

function apiDiff(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [tsx, join(root, "generator/api-diff.ts"), ...args],
      { cwd: root },
      (error, stdout, stderr) =>
        done({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

let project = "";
let out = "";
let first: GenerateResult;
let second: GenerateResult;

beforeAll(async () => {
  // The project's own spec data and templates, with a renames table for the fixture.
  project = tempDir("api-diff");
  cpSync(join(root, "spec"), join(project, "spec"), { recursive: true });
  symlinkSync(join(root, "templates"), join(project, "templates"));
  writeFileSync(
    join(project, "spec", "renames.json"),
    JSON.stringify({ renames: [{ from: "gadgets_check_create", to: "gadgets_create_check" }] }),
  );
  out = join(project, "generated");
  first = await generate({ root: project, spec: join(fixtures, "v1.yaml"), outDir: out });
  copyFileSync(join(out, "api.json"), join(project, "v1-api.json"));
  second = await generate({ root: project, spec: join(fixtures, "v2.yaml"), outDir: out });
}, 300_000);

afterAll(removeTempDirs);

describe("api diff, end to end", () => {
  it("the first run has nothing to compare with; the second summarises the changes since the first", () => {
    expect(first.apiChanges).toBeUndefined();
    expect(summary(first, out, 0)).not.toContain("api changes");
    const text = summary(second, out, 0);
    expect(text).toContain(
      "  api changes 4 BREAKING, 1 changed, 2 deprecated, 1 added since the previous api.json (semver: major)\n" +
        "    BREAKING gadgets: Gadget.size: type changed from string to integer\n" +
        '    BREAKING gadgets: GadgetCreate.size: enum value "l" removed\n' +
        "    BREAKING gadgets: gadgetsList query tag: now required\n" +
        "    BREAKING widgets: widgetsList: removed (GET /v2/widgets)",
    );
  });

  it("npm run api-diff names every change with its tag, grouped by resource, semver last", async () => {
    const result = await apiDiff([join(project, "v1-api.json"), out]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        "gadgets",
        "  BREAKING    Gadget.size: type changed from string to integer",
        '  changed     Gadget.status: enum value "off" added',
        '  BREAKING    GadgetCreate.size: enum value "l" removed',
        "  deprecated  gadgetsCheckCreate: renamed to gadgetsCreateCheck (operationId gadgets_check_create -> gadgets_create_check, POST /v2/gadgets/{gadget_id}/checks); kept as deprecated aliases: gadgetsCheckCreate, client.gadgets.checkCreate, GadgetsCheckCreateParams, GadgetsCheckCreateResponse",
        "  deprecated  gadgetsGet: deprecated",
        "  BREAKING    gadgetsList query tag: now required",
        "  added       gadgetsReboot: added (POST /v2/gadgets/{gadget_id}/reboot, client.gadgets.reboot)",
        "widgets",
        "  BREAKING    widgetsList: removed (GET /v2/widgets)",
        "",
        "4 BREAKING, 1 changed, 2 deprecated, 1 added",
        "semver: major",
        "",
      ].join("\n"),
    );
    const strict = await apiDiff([join(project, "v1-api.json"), out, "--fail-on-breaking"]);
    expect(strict.code).toBe(2);
  });

  it("a generated directory compared with itself has no API changes", async () => {
    const result = await apiDiff([out, join(out, "api.json")]);
    expect(result).toEqual({ code: 0, stdout: "no API changes\nsemver: patch\n", stderr: "" });
  });

  it("the built package keeps the old function and grouped method as the new ones, marked @deprecated", async () => {
    const sdk = (await import(pathToFileURL(join(out, "dist/esm/index.js")).href)) as Record<string, unknown>;
    expect(sdk.gadgetsCheckCreate).toBe(sdk.gadgetsCreateCheck);
    const Client = sdk.DigitalOcean as new (options: object) => { gadgets: Record<string, unknown> };
    const client = new Client({ token: "t" });
    expect(typeof client.gadgets.checkCreate).toBe("function");
    expect(second.reports.find((r) => r.pass === "renames")!.warnings).toEqual([]);
    // The same table against v1 is stale: the operation it names does not exist there yet.
    expect(first.reports.find((r) => r.pass === "renames")!.warnings.map((w) => w.message)).toEqual([
      'spec/renames.json: renames[0] (gadgets_check_create -> gadgets_create_check) left out: the spec has no operation "gadgets_create_check"',
    ]);
  });
});
