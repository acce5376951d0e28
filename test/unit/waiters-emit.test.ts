// The waiter table and its emitter: every entry is checked against the model
// (each mistake named with spec/waiters.json and the entry), the emitted file
// type-checks against the real runtime, and the real table fits the real spec.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Project, ts } from "ts-morph";
import { describe, expect, it } from "vitest";
import { emitModels } from "../../generator/emit/models.ts";
import { emitResources } from "../../generator/emit/operations.ts";
import { createSchemaTyper } from "../../generator/emit/schema-types.ts";
import {
  checkWaiters,
  emitWaiters,
  readWaiterTable,
  WaiterTableError,
  WAITERS_FILE,
  type WaiterEntry,
} from "../../generator/emit/waiters.ts";
import { buildModel } from "../../generator/model/build-model.ts";
import type { OpenApiDocument } from "../../generator/openapi.ts";
import { spec } from "./helpers.ts";

const root = new URL("../../", import.meta.url).pathname;
const ok = (schema: object) => ({ "200": { description: "ok", content: { "application/json": { schema } } } });
const idParam = (name: string, type = "integer") => ({ name, in: "path", required: true, schema: { type } });

const doc: OpenApiDocument = spec({
  paths: {
    "/v2/things/{thing_id}": {
      get: {
        operationId: "things_get",
        tags: ["Things"],
        parameters: [idParam("thing_id")],
        responses: ok({ type: "object", properties: { thing: { $ref: "#/components/schemas/Thing" } } }),
      },
      delete: {
        operationId: "things_delete",
        tags: ["Things"],
        parameters: [idParam("thing_id")],
        responses: { "204": { description: "gone" } },
      },
    },
    "/v2/things/{thing_id}/parts/{part_id}": {
      get: {
        operationId: "things_get_part",
        tags: ["Things"],
        parameters: [idParam("thing_id"), idParam("part_id", "string")],
        responses: ok({ type: "object" }),
      },
    },
  } as never,
  components: {
    schemas: {
      Thing: {
        type: "object",
        properties: {
          status: { type: "string", enum: ["new", "ready", "broken", "gone"] },
          health: { allOf: [{ $ref: "#/components/schemas/Health" }] },
          note: { type: "string" },
        },
      },
      Health: { type: "object", properties: { state: { type: "string", enum: ["starting", "up", "down"] } } },
    } as never,
  },
});
const api = buildModel(doc);

const ready: WaiterEntry = {
  name: "waitUntilThingReady",
  summary: "a thing is ready",
  operationId: "things_get",
  idParam: "thing_id",
  path: "thing.status",
  success: ["ready"],
  failure: ["broken"],
};
const gone: WaiterEntry = {
  name: "waitUntilThingDeleted",
  summary: "a thing is gone",
  operationId: "things_get",
  idParam: "thing_id",
  path: "thing.status",
  success: ["gone"],
  onNotFound: "success",
};
const table = (...waiters: object[]) => ({ waiters });
const problem = (entry: object) => {
  try {
    checkWaiters(table(ready, entry), api);
  } catch (error) {
    expect(error).toBeInstanceOf(WaiterTableError);
    return (error as Error).message;
  }
  throw new Error("no error");
};

describe("checkWaiters", () => {
  it("leaves out, and reports, an entry whose operation another spec version lacks, when asked to", () => {
    const missing: string[] = [];
    const checked = checkWaiters(
      table(ready, { ...ready, name: "waitUntilThingX", operationId: "things_fetch" }),
      api,
      (m) => missing.push(m),
    );
    expect(checked.map((w) => w.name)).toEqual(["waitUntilThingReady"]);
    expect(missing).toEqual([
      'spec/waiters.json: waiters[1] "waitUntilThingX" left out: the spec has no operation "things_fetch"',
    ]);
  });

  it("accepts entries that fit the model, through refs and allOf, and finds the operation's resource file", () => {
    const [w, deep] = checkWaiters(
      table(ready, {
        ...ready,
        name: "waitUntilThingUp",
        path: "thing.health.state",
        success: ["up"],
        failure: ["down"],
      }),
      api,
    );
    expect(w!.op.functionName).toBe("thingsGet");
    expect(w!.file).toBe("src/resources/things.ts");
    expect(deep!.path).toBe("thing.health.state");
  });

  it.each([
    [
      { ...ready, name: "waitUntilThingX", operationId: "things_fetch" },
      'spec/waiters.json: waiters[1] "waitUntilThingX": unknown operationId "things_fetch"',
    ],
    [
      { ...ready, name: "waitUntilThingX", idParam: "id" },
      'waiters[1] "waitUntilThingX": operation things_get (/v2/things/{thing_id}) has no path parameter "id" (it has: thing_id)',
    ],
    [
      { ...ready, name: "waitUntilPartX", operationId: "things_get_part" },
      "takes path parameters thing_id, part_id; a waiter passes only one",
    ],
    [
      { ...ready, name: "waitUntilThingX", operationId: "things_delete" },
      "operation things_delete is DELETE; a waiter may only poll a GET",
    ],
    [
      { ...ready, name: "waitUntilThingX", path: "thing.state" },
      'path "thing.state" is not in the response of things_get',
    ],
    [
      { ...ready, name: "waitUntilThingX", path: "thing.note.length" },
      'path "thing.note.length" is not in the response of things_get',
    ],
    [
      { ...ready, name: "waitUntilThingX", success: ["Ready"] },
      '["Ready"] not among the values of thing.status: ["new","ready","broken","gone"]',
    ],
    [{ ...ready, name: "waitUntilThingX", onNotfound: "success" }, 'unknown key "onNotfound"'],
    [{ ...ready }, 'name "waitUntilThingReady" is used twice'],
    [{ ...ready, name: "thingsGet" }, "name must look like waitUntilSomethingState"],
    [
      { ...ready, name: "waitUntilThingX", success: [] },
      'nothing ends the wait: "success" is empty and "onNotFound" is not "success"',
    ],
    [{ ...ready, name: "waitUntilThingX", failure: ["ready"] }, '["ready"] is both a success and a failure state'],
    [{ ...ready, name: "waitUntilThingX", onNotFound: "error" }, '"onNotFound" can only be "success"'],
    [{ ...ready, name: "waitUntilThingX", summary: "" }, '"summary" must be a non-empty string'],
    [{ ...ready, name: "waitUntilThingX", success: "ready" }, '"success" must be a list of strings'],
  ])("refuses %j", (entry, message) => {
    const text = problem(entry);
    expect(text).toMatch(/^spec\/waiters\.json: waiters\[1\]/);
    expect(text).toContain(message);
  });

  it("refuses a name the package already exports", () => {
    const named = {
      ...api,
      operations: api.operations.map((o) =>
        o.operationId === "things_delete" ? { ...o, functionName: "waitUntilThingReady" } : o,
      ),
    };
    expect(() => checkWaiters(table(ready), named)).toThrow(
      'name "waitUntilThingReady" is already exported by the generated package',
    );
  });

  it("refuses a table that is not { waiters: [...] } or not JSON", () => {
    expect(() => checkWaiters({ waiter: [] }, api)).toThrow(
      'spec/waiters.json: expected an object with a "waiters" array',
    );
    const dir = mkdtempSync(join(tmpdir(), "waiters-"));
    mkdirSync(join(dir, "spec"));
    writeFileSync(join(dir, "spec", "waiters.json"), "{ waiters: [");
    expect(() => readWaiterTable(dir)).toThrow(/^spec\/waiters\.json: not valid JSON/);
    rmSync(dir, { recursive: true });
  });
});

/** The fixture's models, resources and waiters in one in-memory project, next to the real runtime as src/core. */
function emitted(waiters: object[]): Project {
  const project = new Project({
    useInMemoryFileSystem: true,
    compilerOptions: {
      strict: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
      noEmit: true,
    },
  });
  const typer = createSchemaTyper(doc);
  emitResources(api, project, typer, emitModels(api, project, typer));
  emitWaiters(api, project, table(...waiters));
  const runtime = join(root, "templates", "runtime");
  for (const name of readdirSync(runtime).filter((n) => n.endsWith(".ts")))
    project.createSourceFile(`src/core/${name}`, readFileSync(join(runtime, name), "utf8"));
  return project;
}

describe("emitWaiters", () => {
  it("emits one documented waitUntil call per entry, typed like the operation, and it type-checks", () => {
    const project = emitted([ready, gone]);
    const text = project.getSourceFileOrThrow(WAITERS_FILE).getFullText();
    expect(text).toMatch(/^\/\/ Waiters from spec\/waiters\.json/);
    expect(text).toContain(
      "export function waitUntilThingReady(client: Client, thingId: number, options?: WaitOptions<ThingsGetResponse>): Promise<ThingsGetResponse>",
    );
    expect(text).toContain(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the emitted code holds a template literal
      'return waitUntil(client, (o) => thingsGet(client, thingId, o), { label: `waitUntilThingReady(${thingId})`, path: "thing.status", success: ["ready"], failure: ["broken"] }, options);',
    );
    expect(text).toContain(
      "export function waitUntilThingDeleted(client: Client, thingId: number, options?: WaitOptions<ThingsGetResponse>): Promise<ThingsGetResponse | undefined>",
    );
    expect(text).toContain('success: ["gone"], notFoundIsSuccess: true }');
    expect(text).toContain(
      'Waits until a thing is ready: polls {@link thingsGet} (`GET /v2/things/{thing_id}`) until `thing.status` is "ready".',
    );
    expect(text).toContain('Rejects with {@link WaitError} when `thing.status` becomes "broken"');
    expect(text).toContain('until `thing.status` is "gone", or the GET answers 404.');
    expect(text).toContain('import { thingsGet } from "./resources/things.js";');
    const diagnostics = project
      .getPreEmitDiagnostics()
      .map(
        (d) =>
          `${d.getSourceFile()?.getFilePath()}: ${ts.flattenDiagnosticMessageText(d.getMessageText() as string, "\n")}`,
      );
    expect(diagnostics).toEqual([]);
  }, 60_000);

  it("an empty table still makes a module", () => {
    const text = emitted([]).getSourceFileOrThrow(WAITERS_FILE).getFullText();
    expect(text).toContain("export {};");
  });
});

describe("the project's spec/waiters.json", () => {
  it("fits the pinned spec's model (as normalised in generated/openapi.json) and covers the issue's waiters", () => {
    const real = buildModel(
      JSON.parse(readFileSync(join(root, "generated", "openapi.json"), "utf8")) as OpenApiDocument,
    );
    const names = checkWaiters(readWaiterTable(root), real).map((w) => w.name);
    for (const resource of ["Droplet", "Image", "KubernetesCluster", "Database", "Certificate", "LoadBalancer"]) {
      expect(names.filter((n) => n.startsWith(`waitUntil${resource}`))).toHaveLength(2);
      expect(names).toContain(`waitUntil${resource}Deleted`);
    }
    expect(names).toEqual(
      expect.arrayContaining([
        "waitUntilDropletActive",
        "waitUntilImageAvailable",
        "waitUntilKubernetesClusterRunning",
        "waitUntilDatabaseOnline",
        "waitUntilCertificateVerified",
        "waitUntilLoadBalancerActive",
        "waitUntilRegistryGarbageCollectionFinished",
      ]),
    );
  });
});
