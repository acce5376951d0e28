// The data in spec/ is read in one call and checked against spec/schemas:
// every shape error names the file and the JSON pointer of the offending
// value. (Checks that need the spec are in test/unit/model/waiters.test.ts.)
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { SpecDataError } from "../../../generator/load/data-file.ts";
import { parseModelNames, parseWaiters, readSpecData } from "../../../generator/load/spec-data.ts";
import { ready } from "../waiter-fixture.ts";

const root = new URL("../../../", import.meta.url).pathname;

const problem = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SpecDataError);
    return (error as Error).message;
  }
  throw new Error("no error");
};

describe("parseWaiters", () => {
  it("accepts entries that fit the schema, a deletion waiter included", () => {
    const gone = { ...ready, name: "waitUntilThingDeleted", success: [], failure: undefined, onNotFound: "success" };
    expect(parseWaiters({ $comment: "c", waiters: [ready, gone] }).map((w) => w.name)).toEqual([
      "waitUntilThingReady",
      "waitUntilThingDeleted",
    ]);
  });

  it.each([
    [{ ...ready, onNotfound: "success" }, '#/waiters/1/onNotfound: unknown key "onNotfound" (allowed: name, summary,'],
    [{ ...ready, name: "thingsGet" }, "#/waiters/1/name: must look like waitUntilSomethingState"],
    [
      { ...ready, success: [] },
      '#/waiters/1: nothing ends the wait: "success" is empty and "onNotFound" is not "success"',
    ],
    [{ ...ready, failure: ["ready"] }, '#/waiters/1/failure: ["ready"] is both a success and a failure state'],
    [{ ...ready, onNotFound: "error" }, '#/waiters/1/onNotFound: can only be "success"'],
    [{ ...ready, summary: "" }, "#/waiters/1/summary: must be a non-empty string"],
    [{ ...ready, operationId: 7 }, "#/waiters/1/operationId: must be a non-empty string"],
    [{ ...ready, success: "ready" }, "#/waiters/1/success: must be a list of strings"],
    [{ ...ready, failure: ["broken", 3] }, "#/waiters/1/failure/1: must be a string"],
    [{ ...ready, path: undefined }, '#/waiters/1: "path" is required'],
    ["waitUntilThingReady", "#/waiters/1: must be an object"],
  ])("refuses %j", (entry, message) => {
    expect(problem(() => parseWaiters({ waiters: [ready, entry] }))).toContain(`spec/waiters.json${message}`);
  });

  it("refuses a table that is not { waiters: [...] }", () => {
    expect(problem(() => parseWaiters([]))).toBe("spec/waiters.json: must be an object");
    expect(problem(() => parseWaiters({}))).toBe('spec/waiters.json: "waiters" is required');
    expect(problem(() => parseWaiters({ waiters: {} }))).toBe("spec/waiters.json#/waiters: must be an array");
    expect(problem(() => parseWaiters({ waiters: [], extra: 1 }))).toBe(
      'spec/waiters.json#/extra: unknown key "extra" (allowed: $comment, waiters)',
    );
  });
});

describe("parseModelNames", () => {
  it.each([
    [
      { names: { "/paths/x": "Thing" } },
      "spec/model-names.json#/names/~1paths~1x: key must be a JSON pointer into the spec",
    ],
    [{ names: { "#/paths/x": "a thing" } }, "spec/model-names.json#/names/#~1paths~1x: must be a type name"],
    [{ names: { "#/paths/x": 3 } }, "spec/model-names.json#/names/#~1paths~1x: must be a type name"],
    [{ names: [] }, "spec/model-names.json#/names: must be an object"],
    [{ description: "d" }, 'spec/model-names.json: "names" is required'],
  ])("refuses %j", (json, message) => {
    expect(problem(() => parseModelNames(json))).toContain(message);
  });

  it("returns the names", () => {
    expect(parseModelNames({ names: { "#/paths/x": "Thing" } })).toEqual({ "#/paths/x": "Thing" });
  });
});

describe("readSpecData", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("reads and checks the project's own spec/ in one call", () => {
    const data = readSpecData(root);
    expect(Object.keys(data.modelNames).length).toBeGreaterThan(100);
    expect(data.overlays.map((o) => o.file)).toContain("spec/overlays/registry-repository-paths.json");
    expect(data.waiters.map((w) => w.name)).toContain("waitUntilDropletActive");
  });

  it("names the file that is not JSON, or missing", () => {
    dir = mkdtempSync(join(tmpdir(), "spec-data-"));
    mkdirSync(join(dir, "spec", "overlays"), { recursive: true });
    writeFileSync(join(dir, "spec", "model-names.json"), JSON.stringify({ names: {} }));
    expect(problem(() => readSpecData(dir!))).toMatch(/^spec\/waiters\.json: cannot read: /);
    writeFileSync(join(dir, "spec", "waiters.json"), "{ waiters: [");
    expect(problem(() => readSpecData(dir!))).toMatch(/^spec\/waiters\.json: invalid JSON at line 1, column 3: /);
    writeFileSync(join(dir, "spec", "waiters.json"), JSON.stringify({ waiters: [] }));
    writeFileSync(join(dir, "spec", "overlays", "fix.json"), JSON.stringify({ overlay: "1.0.0" }));
    expect(problem(() => readSpecData(dir!))).toBe('spec/overlays/fix.json: "info" is required');
  });
});
