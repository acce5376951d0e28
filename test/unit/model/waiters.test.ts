// The model checks each waiter of spec/waiters.json against the spec (its
// shape was checked when it was read: test/unit/load/spec-data.test.ts) and
// claims its name from the registry of the package's exported names; each
// mistake is named with spec/waiters.json and the entry.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readSpecData, type WaiterEntry } from "../../../generator/load/spec-data.ts";
import { buildModel } from "../../../generator/model/build-model.ts";
import { WaiterTableError } from "../../../generator/model/waiters.ts";
import type { OpenApiDocument } from "../../../generator/openapi.ts";
import { gone, ready, thingsDoc } from "../waiter-fixture.ts";

const root = new URL("../../../", import.meta.url).pathname;
const waitersOf = (waiters: WaiterEntry[], doc = thingsDoc, onMissingWaiter?: (m: string) => void) =>
  buildModel(doc, undefined, { waiters, onMissingWaiter }).waiters;

const problem = (entry: WaiterEntry) => {
  try {
    waitersOf([ready, entry]);
  } catch (error) {
    expect(error).toBeInstanceOf(WaiterTableError);
    return (error as Error).message;
  }
  throw new Error("no error");
};

describe("waiters in the model", () => {
  it("leaves out, and reports, an entry whose operation another spec version lacks, when asked to", () => {
    const missing: string[] = [];
    const waiters = waitersOf(
      [ready, { ...ready, name: "waitUntilThingX", operationId: "things_fetch" }],
      thingsDoc,
      (m) => missing.push(m),
    );
    expect(waiters.map((w) => w.name)).toEqual(["waitUntilThingReady"]);
    expect(missing).toEqual([
      'spec/waiters.json: waiters[1] "waitUntilThingX" left out: the spec has no operation "things_fetch"',
    ]);
  });

  it("accepts entries that fit the model, through refs and allOf, with their operation and resource", () => {
    const [w, deep, deleted] = waitersOf([
      ready,
      { ...ready, name: "waitUntilThingUp", path: "thing.health.state", success: ["up"], failure: ["down"] },
      gone,
    ]);
    expect(w).toMatchObject({ name: "waitUntilThingReady", failure: ["broken"], notFoundIsSuccess: false });
    expect(w!.operation.functionName).toBe("thingsGet");
    expect(w!.resource.file).toBe("things");
    expect(deep!.path).toBe("thing.health.state");
    expect(deleted).toMatchObject({ failure: [], notFoundIsSuccess: true });
  });

  it.each<[WaiterEntry, string]>([
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
    [{ ...ready }, 'name "waitUntilThingReady" is used twice'],
  ])("refuses %j", (entry, message) => {
    const text = problem(entry);
    expect(text).toMatch(/^spec\/waiters\.json: waiters\[1\]/);
    expect(text).toContain(message);
  });

  it("claims waiter names from the same registry as every exported name", () => {
    // An operation whose function is named like the waiter: the waiter (named by the table) cannot take it.
    const clash = structuredClone(thingsDoc);
    clash.paths["/v2/wait"] = {
      get: { operationId: "wait_until_thing_ready", tags: ["Things"], responses: { "204": { description: "ok" } } },
    };
    expect(() => waitersOf([ready], clash)).toThrow(
      'spec/waiters.json: waiters[0] "waitUntilThingReady": name "waitUntilThingReady" is already exported by the generated package',
    );
  });
});

describe("the project's spec/waiters.json", () => {
  it("fits the pinned spec's model (as normalised in generated/openapi.json) and covers the issue's waiters", () => {
    const doc = JSON.parse(readFileSync(join(root, "generated", "openapi.json"), "utf8")) as OpenApiDocument;
    const names = waitersOf(readSpecData(root).waiters, doc).map((w) => w.name);
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
