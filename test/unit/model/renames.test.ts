// spec/renames.json: the table is checked with located errors, stale entries
// and names that cannot be kept are warnings, and the kept names are emitted
// as deprecated aliases that type-check against the real runtime.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { emitSources } from "../../../generator/emit/sources.ts";
import { SpecDataError } from "../../../generator/load/data-file.ts";
import { parseRenames, readSpecData, type RenameEntry } from "../../../generator/load/spec-data.ts";
import { buildModel } from "../../../generator/model/build-model.ts";
import { typeErrors } from "../emit/type-check.ts";
import { spec } from "../helpers.ts";

const root = new URL("../../../", import.meta.url).pathname;
const temp = mkdtempSync(join(tmpdir(), "renames-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const doc = spec({
  paths: {
    "/v2/uptime/checks": {
      post: {
        operationId: "uptime_create_check",
        tags: ["Uptime"],
        requestBody: {
          required: true,
          content: { "application/json": { schema: { type: "object", properties: { name: { type: "string" } } } } },
        },
        responses: {
          "201": {
            description: "made",
            content: { "application/json": { schema: { type: "object", properties: { id: { type: "string" } } } } },
          },
        },
      },
      get: {
        operationId: "uptime_list_checks",
        tags: ["Uptime"],
        responses: { "204": { description: "none" } },
      },
    },
    "/v2/uptime/checks/{check_id}": {
      delete: {
        operationId: "uptime_delete_check",
        tags: ["Uptime"],
        parameters: [{ name: "check_id", in: "path", required: true, schema: { type: "string" } }],
        responses: { "204": { description: "gone" } },
      },
    },
  } as never,
});

function model(entries: RenameEntry[]) {
  const warnings: string[] = [];
  const api = buildModel(doc, undefined, { renames: { entries, warn: (m) => warnings.push(m) } });
  return { api, warnings };
}

describe("the rename table", () => {
  /** A project root with the spec data other than renames copied from this one. */
  const project = () => {
    const dir = mkdtempSync(join(temp, "root-"));
    for (const file of ["spec/model-names.json", "spec/waiters.json", "spec/overlays"])
      cpSync(join(root, file), join(dir, file), { recursive: true });
    return dir;
  };

  it("is optional: no file, no renames", () => {
    expect(readSpecData(project()).renames).toEqual([]);
  });

  it("reads the project's own table", () => {
    expect(Array.isArray(readSpecData(root).renames)).toBe(true);
  });

  // Its shape is spec/schemas/renames.schema.json; each error names the file and the JSON pointer of the value.
  it.each([
    [[], "spec/renames.json: must be an object"],
    [{ renames: [], extra: 1 }, 'spec/renames.json#/extra: unknown key "extra"'],
    [{ renames: ["x"] }, "spec/renames.json#/renames/0: must be an object"],
    [{ renames: [{ from: "a" }] }, 'spec/renames.json#/renames/0: "to" is required'],
    [{ renames: [{ from: "a", to: "" }] }, "spec/renames.json#/renames/0/to: must be a non-empty operationId"],
    [
      { renames: [{ from: "a", to: "b", since: "2024" }] },
      '#/renames/0/since: unknown key "since" (allowed: from, to, note)',
    ],
    [{ renames: [{ from: "a", to: "a" }] }, '#/renames/0/to: "from" and "to" are both "a"'],
    [{ renames: [{ from: "a", to: "b", note: 3 }] }, "#/renames/0/note: must be a string"],
    [
      {
        renames: [
          { from: "a", to: "b" },
          { from: "a", to: "c" },
        ],
      },
      'spec/renames.json#/renames/1/from: "a" is already renamed by renames[0]',
    ],
  ])("refuses %j", (table, message) => {
    expect(() => parseRenames(table)).toThrow(SpecDataError);
    expect(() => parseRenames(table)).toThrow(message);
  });

  it("locates a syntax error by line and column", () => {
    const dir = project();
    writeFileSync(join(dir, "spec", "renames.json"), '{\n  "renames": [\n    { "from": "a", }\n  ]\n}\n');
    expect(() => readSpecData(dir)).toThrow(
      /^spec\/renames\.json#\/renames\/0: invalid JSON at line 3, column 20: expected a double-quoted property name/,
    );
  });
});

describe("aliases for renamed operations", () => {
  it("keeps the old function, types and grouped method, claimed after every current name", () => {
    const { api, warnings } = model([{ from: "uptime_check_create", to: "uptime_create_check" }]);
    expect(warnings).toEqual([]);
    expect(api.aliases.map((a) => `${a.kind} ${a.name} -> ${a.target}`)).toEqual([
      "function uptimeCheckCreate -> uptimeCreateCheck",
      "type UptimeCheckCreateParams -> UptimeCreateCheckParams",
      "type UptimeCheckCreateResponse -> UptimeCreateCheckResponse",
      "method checkCreate -> createCheck",
    ]);
  });

  it("warns about stale entries and names it cannot keep, and keeps the rest", () => {
    const { api, warnings } = model([
      { from: "uptime_check_gone", to: "uptime_check_missing" },
      { from: "uptime_list_checks", to: "uptime_delete_check" },
      { from: "uptime.listChecks", to: "uptime_delete_check" },
      { from: "monitoring_check_delete", to: "uptime_delete_check" },
    ]);
    expect(warnings).toEqual([
      'spec/renames.json: renames[0] (uptime_check_gone -> uptime_check_missing) left out: the spec has no operation "uptime_check_missing"',
      'spec/renames.json: renames[1] (uptime_list_checks -> uptime_delete_check) left out: operation "uptime_list_checks" still exists',
      // "uptime.listChecks" reads as the words uptime, list, checks: the function name of uptime_list_checks.
      'spec/renames.json: renames[2] (uptime.listChecks -> uptime_delete_check): cannot keep "uptimeListChecks" as an alias of uptimeDeleteCheck: the name is taken or reserved',
      "spec/renames.json: renames[3] (monitoring_check_delete -> uptime_delete_check): client.monitoring.checkDelete is not kept: the operation moved to client.uptime",
    ]);
    // An operationId without "_" is grouped under its tag, whole: client.uptime.uptimeListChecks is free.
    expect(api.aliases.map((a) => `${a.kind} ${a.name}`)).toEqual([
      "method uptimeListChecks",
      "function monitoringCheckDelete",
    ]);
  });
});

describe("alias names and the waiter table", () => {
  it("a waiter cannot take an alias's name", () => {
    const { api } = model([{ from: "wait_until_check_up", to: "uptime_delete_check" }]);
    expect(api.aliases.map((a) => a.name)).toEqual(["waitUntilCheckUp"]);
    const waiter = { name: "waitUntilCheckUp", summary: "up", operationId: "uptime_delete_check", idParam: "check_id" };
    const renames = { entries: [{ from: "wait_until_check_up", to: "uptime_delete_check" }], warn: () => {} };
    expect(() => buildModel(doc, undefined, { renames, waiters: [{ ...waiter, path: "x", success: ["up"] }] })).toThrow(
      'name "waitUntilCheckUp" is already exported by the generated package',
    );
  });
});

describe("emitAliases", () => {
  it("emits @deprecated aliases next to the operation, and they type-check against the real runtime", () => {
    const { api } = model([{ from: "uptime_check_create", to: "uptime_create_check" }]);
    const files = emitSources(api);
    files.set(
      "src/use.ts",
      [
        'import { Client } from "./core/index.js";',
        'import { UptimeResource, uptimeCheckCreate, uptimeCreateCheck, type UptimeCheckCreateParams } from "./resources/uptime.js";',
        "const client = new Client({ token: 't' });",
        "const params: UptimeCheckCreateParams = { name: 'web' };",
        "export const same: typeof uptimeCreateCheck = uptimeCheckCreate;",
        "export const viaMethod = new UptimeResource(client).checkCreate(params);",
      ].join("\n"),
    );
    const text = files.get("src/resources/uptime.ts")!;
    expect(text).toContain(
      "/** @deprecated Renamed to {@link uptimeCreateCheck}: the operation `uptime_check_create` is now `uptime_create_check`. This name will be removed in a future major version. */\nexport const uptimeCheckCreate: typeof uptimeCreateCheck = uptimeCreateCheck;",
    );
    expect(text).toContain("export type UptimeCheckCreateParams = UptimeCreateCheckParams;");
    expect(text).toMatch(
      /@deprecated Renamed to \{@link UptimeResource\.createCheck\}[\s\S]*?checkCreate\(params\?: UptimeCreateCheckParams, options\?: RequestOptions\): APIPromise<UptimeCreateCheckResponse> \{\s*return this\.createCheck\(params, options\);/,
    );
    expect(typeErrors(files)).toEqual([]);
  }, 60_000);
});
