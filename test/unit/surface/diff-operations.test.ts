// Given two small specs, want the operation-level changes: removed, added,
// renamed (same method and path, new operationId), moved, deprecated,
// paginated, and the verdict.
import { describe, expect, it } from "vitest";
import { diffSurfaces } from "../../../generator/surface/diff.ts";
import { changes, type Fixture, ok, pathParam, query, surfaceOf } from "./support.ts";

const get = (operationId: string, extra: object = {}) => ({
  operationId,
  tags: ["Things"],
  responses: ok({ type: "object", properties: { id: { type: "integer" } } }),
  ...extra,
});

const base: Fixture = {
  paths: {
    "/v2/things": { get: get("things_list") },
    "/v2/things/{thing_id}": { get: get("things_get", { parameters: [pathParam("thing_id")] }) },
  },
};

const withPaths = (paths: Record<string, object>): Fixture => ({ paths: { ...base.paths, ...paths } });

describe("api diff: operations", () => {
  it("the same spec on both sides has no changes and is a patch", () => {
    const diff = diffSurfaces(surfaceOf(base), surfaceOf(base));
    expect(diff).toEqual({
      semver: "patch",
      counts: { BREAKING: 0, changed: 0, deprecated: 0, added: 0 },
      changes: [],
    });
  });

  it("an operation removed is breaking (major)", () => {
    const after = { paths: { "/v2/things": base.paths!["/v2/things"]! } };
    expect(changes(base, after)).toEqual(["BREAKING operation.removed thingsGet"]);
    expect(diffSurfaces(surfaceOf(base), surfaceOf(after)).semver).toBe("major");
  });

  it("an operation added is added (minor), with its method and path", () => {
    const after = withPaths({ "/v2/widgets": { get: get("widgets_list") } });
    expect(changes(base, after)).toEqual(["added operation.added widgetsList"]);
    const diff = diffSurfaces(surfaceOf(base), surfaceOf(after));
    expect(diff.semver).toBe("minor");
    expect(diff.changes[0]!.message).toBe("added (GET /v2/widgets, client.widgets.list)");
  });

  it("the same method and path under a new operationId is one rename, breaking, not a removal and an addition", () => {
    const after = withPaths({ "/v2/things": { get: get("things_list_all") } });
    const diff = diffSurfaces(surfaceOf(base), surfaceOf(after));
    expect(diff.changes.map((c) => `${c.tag} ${c.rule} ${c.subject}`)).toEqual([
      "BREAKING operation.renamed thingsList",
    ]);
    expect(diff.changes[0]!.message).toBe(
      "renamed to thingsListAll (operationId things_list -> things_list_all, GET /v2/things); " +
        "client.things.list is now client.things.listAll, ThingsListResponse is now ThingsListAllResponse",
    );
  });

  it("a path parameter renamed in the template is the same operation (path arguments are positional)", () => {
    const after = withPaths({
      "/v2/things/{id}": { get: get("things_get_by_id", { parameters: [pathParam("id")] }) },
    });
    delete (after.paths as Record<string, unknown>)["/v2/things/{thing_id}"];
    expect(changes(base, after)).toEqual(["BREAKING operation.renamed thingsGet"]);
  });

  it("an operationId that changes only in spelling, leaving every name as it was, is a change, not a rename", () => {
    const after = withPaths({ "/v2/things": { get: get("Things_List") } });
    expect(changes(base, after)).toEqual(["changed operation.operation-id-changed thingsList"]);
  });

  it("a new path or HTTP method under the same operationId is breaking", () => {
    const moved = { paths: { ...base.paths, "/v2/things": {}, "/v2/all-things": { get: get("things_list") } } };
    expect(changes(base, moved)).toEqual(["BREAKING operation.http-changed thingsList"]);
    const post = { paths: { ...base.paths, "/v2/things": { post: get("things_list") } } };
    const diff = diffSurfaces(surfaceOf(base), surfaceOf(post));
    expect(diff.changes.map((c) => c.message)).toEqual(["now POST /v2/things (was GET /v2/things)"]);
  });

  it("an operation newly deprecated is deprecated (minor)", () => {
    const after = withPaths({ "/v2/things": { get: get("things_list", { deprecated: true }) } });
    expect(changes(base, after)).toEqual(["deprecated operation.deprecated thingsList"]);
    expect(diffSurfaces(surfaceOf(base), surfaceOf(after)).semver).toBe("minor");
  });

  it("losing pagination is breaking; gaining it is added", () => {
    const paged = withPaths({
      "/v2/things": {
        get: get("things_list", {
          parameters: [query("page", { type: "integer" }), query("per_page", { type: "integer" })],
          responses: ok({
            type: "object",
            properties: { things: { type: "array", items: { type: "string" } }, links: { type: "object" } },
          }),
        }),
      },
    });
    const unpaged = structuredClone(paged);
    const op = (unpaged.paths!["/v2/things"] as { get: { parameters: object[] } }).get;
    op.parameters = op.parameters.slice(0, 1);
    expect(changes(paged, unpaged)).toEqual([
      "BREAKING operation.pagination-removed thingsList",
      "BREAKING parameter.removed thingsList query per_page",
    ]);
    expect(changes(unpaged, paged)).toEqual([
      "added operation.pagination-added thingsList",
      "added parameter.added thingsList query per_page",
    ]);
  });

  it("groups changes by resource and orders them the same way every time", () => {
    const after = {
      paths: {
        "/v2/widgets": { get: { ...get("widgets_list"), tags: ["Widgets"] } },
        "/v2/things/{thing_id}": base.paths!["/v2/things/{thing_id}"]!,
        "/v2/actions": { get: get("actions_list") },
      },
    };
    const diff = diffSurfaces(surfaceOf(base), surfaceOf(after));
    expect(diff.changes.map((c) => `${c.resource} ${c.subject}`)).toEqual([
      "actions actionsList",
      "things thingsList",
      "widgets widgetsList",
    ]);
    expect(diff.counts).toEqual({ BREAKING: 1, changed: 0, deprecated: 0, added: 2 });
  });
});
