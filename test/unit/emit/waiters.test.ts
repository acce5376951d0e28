// The waiters emitter: one documented waitUntil call per waiter of the model,
// typed like the operation it polls, and the file type-checks against the
// real runtime. (The whole file is also a golden snapshot: golden.test.ts.)
import { describe, expect, it } from "vitest";
import { emitSources } from "../../../generator/emit/sources.ts";
import { WAITERS_FILE } from "../../../generator/emit/waiters.ts";
import type { WaiterEntry } from "../../../generator/load/spec-data.ts";
import { buildModel } from "../../../generator/model/build-model.ts";
import { gone, ready, thingsDoc } from "../waiter-fixture.ts";
import { typeErrors } from "./type-check.ts";

const emitted = (waiters: WaiterEntry[]) => emitSources(buildModel(thingsDoc, undefined, { waiters }));

describe("emitWaiters", () => {
  it("emits one documented waitUntil call per entry, typed like the operation, and it type-checks", () => {
    const files = emitted([ready, gone]);
    const text = files.get(WAITERS_FILE)!;
    expect(text).toContain("\n// Waiters from spec/waiters.json");
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
    expect(typeErrors(files)).toEqual([]);
  }, 60_000);

  it("an empty table still makes a module", () => {
    expect(emitted([]).get(WAITERS_FILE)).toContain("export {};");
  });
});
