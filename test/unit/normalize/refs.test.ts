import { describe, expect, it } from "vitest";
import {
  danglingRefs,
  deref,
  refTargets,
  removeListItems,
  rewriteRefs,
} from "../../../generator/normalize/passes/support/refs.ts";
import type { OpenApiDocument } from "../../../generator/openapi.ts";
import { spec } from "../helpers.ts";

const doc = () =>
  spec({
    paths: { "/a/{id}": { get: { parameters: [{ name: "p0" }, { name: "p1" }, { name: "p2" }], responses: {} } } },
    "x-uses": [
      { $ref: "#/paths/~1a~1%7Bid%7D/get/parameters/2" },
      { $ref: "#/paths/~1a~1{id}/get/parameters/1/name" },
      { $ref: "#/paths/~1a~1{id}/get/parameters/0" },
      { $ref: "#/nowhere" },
      { $ref: "other.yaml#/x" },
      { $ref: "#/x-uses/6" },
      { $ref: "#/x-uses/5" },
    ],
  } as never) as OpenApiDocument & { "x-uses": { $ref: string }[] };

describe("refs support", () => {
  it("finds dangling local refs, ignoring external ones", () => {
    expect(danglingRefs(doc())).toEqual(["#/x-uses/3 -> #/nowhere"]);
  });

  it("lists ref targets canonically", () => {
    expect([...refTargets(doc())]).toContain("#/paths/~1a~1{id}/get/parameters/2");
  });

  it("follows ref chains and stops at loops and dead ends", () => {
    const d = doc();
    expect(deref(d, { $ref: "#/x-uses/2" })).toEqual({ name: "p0" });
    expect(deref(d, d["x-uses"][5])).toBeUndefined();
    expect(deref(d, { $ref: "#/nowhere" })).toBeUndefined();
    expect(deref(d, "plain")).toBe("plain");
  });

  it("rewrites refs by target", () => {
    const d = doc();
    const n = rewriteRefs(d, (t) => (t[0] === "paths" ? ["moved", ...t.slice(1)] : undefined));
    expect(n).toBe(3);
    expect(d["x-uses"].slice(0, 4).map((r) => r.$ref)).toEqual([
      "#/moved/~1a~1{id}/get/parameters/2",
      "#/moved/~1a~1{id}/get/parameters/1/name",
      "#/moved/~1a~1{id}/get/parameters/0",
      "#/nowhere",
    ]);
  });

  it("removes list items and shifts refs to later items", () => {
    const d = doc();
    removeListItems(d, ["paths", "/a/{id}", "get", "parameters"], new Set([0]));
    expect(d.paths["/a/{id}"]!.get!.parameters).toEqual([{ name: "p1" }, { name: "p2" }]);
    expect(d["x-uses"].slice(0, 3).map((r) => r.$ref)).toEqual([
      "#/paths/~1a~1{id}/get/parameters/1",
      "#/paths/~1a~1{id}/get/parameters/0/name",
      "#/paths/~1a~1{id}/get/parameters/0",
    ]);
    expect(() => removeListItems(d, ["paths"], new Set([0]))).toThrow("#/paths is not a list");
  });
});
