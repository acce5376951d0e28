// Given/want for the rest of the package's surface: waiters, exports and the
// deprecated aliases kept by spec/renames.json.
import { describe, expect, it } from "vitest";
import { diffSurfaces } from "../../../generator/surface/diff.ts";
import type { Surface } from "../../../generator/surface/types.ts";
import { type Fixture, ok, surfaceOf } from "./support.ts";

const fixture = (operationId: string, runtimeExports: string[] = ["Client"]): Fixture => ({
  paths: {
    "/v2/checks": {
      post: {
        operationId,
        tags: ["Uptime"],
        requestBody: {
          required: true,
          content: { "application/json": { schema: { type: "object", properties: { name: { type: "string" } } } } },
        },
        responses: ok({ type: "object", properties: { id: { type: "integer" } } }),
      },
    },
  },
  runtimeExports,
  renames: operationId === "uptime_create_check" ? [{ from: "uptime_check_create", to: "uptime_create_check" }] : [],
});

const lines = (before: Surface, after: Surface) =>
  diffSurfaces(before, after).changes.map((c) => `${c.tag} ${c.rule} ${c.subject}: ${c.message}`);

describe("api diff: renames softened by spec/renames.json", () => {
  it("keeps the old function, types and grouped method as deprecated aliases, and tags the rename deprecated", () => {
    const after = surfaceOf(fixture("uptime_create_check"));
    expect(after.aliases).toEqual({
      uptimeCheckCreate: { kind: "function", target: "uptimeCreateCheck" },
      UptimeCheckCreateParams: { kind: "type", target: "UptimeCreateCheckParams" },
      UptimeCheckCreateResponse: { kind: "type", target: "UptimeCreateCheckResponse" },
      "uptime.checkCreate": { kind: "method", target: "uptime.createCheck" },
    });
    expect(after.exports).toContain("uptimeCheckCreate");
    const diff = diffSurfaces(surfaceOf(fixture("uptime_check_create")), after);
    expect(diff.changes.map((c) => `${c.tag} ${c.rule} ${c.subject}: ${c.message}`)).toEqual([
      "deprecated operation.renamed-kept uptimeCheckCreate: renamed to uptimeCreateCheck " +
        "(operationId uptime_check_create -> uptime_create_check, POST /v2/checks); kept as deprecated aliases: " +
        "uptimeCheckCreate, client.uptime.checkCreate, UptimeCheckCreateParams, UptimeCheckCreateResponse",
    ]);
    expect(diff.semver).toBe("minor");
  });

  it("without the entry the same rename is breaking", () => {
    const after = surfaceOf({ ...fixture("uptime_create_check"), renames: [] });
    expect(lines(surfaceOf(fixture("uptime_check_create")), after).map((l) => l.split(":")[0])).toEqual([
      "BREAKING operation.renamed uptimeCheckCreate",
    ]);
  });

  it("dropping a deprecated alias later is breaking", () => {
    const before = surfaceOf(fixture("uptime_create_check"));
    const after = surfaceOf({ ...fixture("uptime_create_check"), renames: [] });
    expect(lines(before, after)).toEqual([
      "BREAKING alias.removed UptimeCheckCreateParams: deprecated UptimeCheckCreateParams removed",
      "BREAKING alias.removed UptimeCheckCreateResponse: deprecated UptimeCheckCreateResponse removed",
      "BREAKING alias.removed uptime.checkCreate: deprecated client.uptime.checkCreate removed",
      "BREAKING alias.removed uptimeCheckCreate: deprecated uptimeCheckCreate removed",
    ]);
  });
});

describe("api diff: exports and waiters", () => {
  it("an export removed is breaking; one added is added; names of operations and models are not repeated", () => {
    const before = surfaceOf(fixture("uptime_check_create", ["Client", "NotFoundError"]));
    const after = surfaceOf(fixture("uptime_check_create", ["Client", "TimeoutError"]));
    expect(lines(before, after)).toEqual([
      "BREAKING export.removed NotFoundError: no longer exported",
      "added export.added TimeoutError: newly exported",
    ]);
  });

  it("a waiter removed is breaking, added is added, and one that waits for other states is a change", () => {
    const base = surfaceOf(fixture("uptime_check_create"));
    const waiter = { operation: "uptimeCheckCreate", path: "check.state", success: ["up"] };
    const one = { ...base, waiters: { waitUntilCheckUp: waiter } };
    const other = { ...base, waiters: { waitUntilCheckUp: { ...waiter, success: ["up", "ok"] } } };
    expect(lines(one, base)).toEqual(["BREAKING waiter.removed waitUntilCheckUp: waiter removed"]);
    expect(lines(base, one)).toEqual(["added waiter.added waitUntilCheckUp: waiter added"]);
    expect(lines(one, other)).toEqual([
      'changed waiter.changed waitUntilCheckUp: now waits for check.state in ["up","ok"]',
    ]);
    expect(diffSurfaces(one, other).changes[0]!.resource).toBe("uptime");
  });
});
