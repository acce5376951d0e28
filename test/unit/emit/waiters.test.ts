// The waiters emitter: one documented waitUntil call per waiter of the model,
// declared beside the operation it polls and typed like it, a method of the
// resource group too, and the file type-checks against the real runtime.
// (Every file is also a golden snapshot: golden.test.ts.)
import { describe, expect, it } from "vitest";
import { emitSources } from "../../../generator/emit/sources.ts";
import type { WaiterEntry } from "../../../generator/load/spec-data.ts";
import { buildModel } from "../../../generator/model/build-model.ts";
import { groupedWaiterName } from "../../../generator/model/waiters.ts";
import { gone, ready, thingsDoc } from "../waiter-fixture.ts";
import { typeErrors } from "./type-check.ts";

const THINGS = "src/resources/things.ts";
const emitted = (waiters: WaiterEntry[]) => emitSources(buildModel(thingsDoc, undefined, { waiters }));

describe("waiters", () => {
  it("emits one documented waitUntil call per entry beside its operation, typed like it, and it type-checks", () => {
    const files = emitted([ready, gone]);
    const text = files.get(THINGS)!;
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
    expect(text).toContain('import { waitUntil } from "../core/index.js";');
    expect(typeErrors(files)).toEqual([]);
  }, 60_000);

  it("puts each waiter on its resource group, without the resource's own words", () => {
    const text = emitted([ready, gone]).get(THINGS)!;
    expect(text).toMatch(
      /waitUntilReady\(thingId: number, options\?: WaitOptions<ThingsGetResponse>\): Promise<ThingsGetResponse> \{\s+return waitUntilThingReady\(this\.client, thingId, options\);/,
    );
    expect(text).toMatch(/waitUntilDeleted\(thingId: number/);
  });

  it.each([
    ["waitUntilDropletActive", "droplets", "waitUntilActive"],
    ["waitUntilKubernetesClusterRunning", "kubernetes", "waitUntilClusterRunning"],
    ["waitUntilRegistryGarbageCollectionFinished", "registry", "waitUntilGarbageCollectionFinished"],
    ["waitUntilLoadBalancerActive", "loadBalancers", "waitUntilActive"],
    ["waitUntilImageAvailable", "droplets", "waitUntilImageAvailable"],
  ])("%s on client.%s is %s", (name, resource, want) => {
    expect(groupedWaiterName(name, resource)).toBe(want);
  });

  it("leaves resources without waiters without the waiter imports", () => {
    expect(emitted([]).get(THINGS)).not.toContain("waitUntil");
  });
});
