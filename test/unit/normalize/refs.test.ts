import { describe, expect, it } from "vitest";
import {
  danglingRefs,
  deref,
  refTargets,
  removeListItems,
  rewriteRefs,
} from "../../../generator/normalize/passes/support/refs.ts";
import { deepFreeze } from "../../../generator/normalize/pass.ts";
import { DocumentEditor } from "../../../generator/normalize/passes/support/edit.ts";
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

  it("rewrites refs by target, in the editor's output only", () => {
    const edit = new DocumentEditor(deepFreeze(doc()));
    const n = rewriteRefs(edit, (t) => (t[0] === "paths" ? ["moved", ...t.slice(1)] : undefined));
    const d = edit.result() as ReturnType<typeof doc>;
    expect(n).toBe(3);
    expect(d["x-uses"].slice(0, 4).map((r) => r.$ref)).toEqual([
      "#/moved/~1a~1{id}/get/parameters/2",
      "#/moved/~1a~1{id}/get/parameters/1/name",
      "#/moved/~1a~1{id}/get/parameters/0",
      "#/nowhere",
    ]);
  });

  it("removes list items and shifts refs to later items, in the editor's output only", () => {
    const edit = new DocumentEditor(deepFreeze(doc()));
    removeListItems(edit, ["paths", "/a/{id}", "get", "parameters"], new Set([0]));
    const d = edit.result() as ReturnType<typeof doc>;
    expect(d.paths["/a/{id}"]!.get!.parameters).toEqual([{ name: "p1" }, { name: "p2" }]);
    expect(d["x-uses"].slice(0, 3).map((r) => r.$ref)).toEqual([
      "#/paths/~1a~1{id}/get/parameters/1",
      "#/paths/~1a~1{id}/get/parameters/0/name",
      "#/paths/~1a~1{id}/get/parameters/0",
    ]);
    expect(() => removeListItems(edit, ["paths"], new Set([0]))).toThrow("#/paths is not a list");
  });
});

describe("DocumentEditor", () => {
  it("copies the changed node and the containers above it, shares the rest, leaves the input alone", () => {
    const input = deepFreeze(doc());
    const edit = new DocumentEditor(input);
    expect(edit.result()).toBe(input);
    edit.at(["paths", "/a/{id}", "get", "parameters", "1"]).name = "renamed";
    edit.at(["paths", "/a/{id}", "get", "parameters", "1"]).in = "query";
    const out = edit.result() as ReturnType<typeof doc>;
    const get = out.paths["/a/{id}"]!.get!;
    expect(get.parameters).toEqual([{ name: "p0" }, { name: "renamed", in: "query" }, { name: "p2" }]);
    expect(input.paths["/a/{id}"]!.get!.parameters![1]).toEqual({ name: "p1" });
    expect(get.parameters![0]).toBe(input.paths["/a/{id}"]!.get!.parameters![0]);
    expect(out["x-uses"]).toBe(input["x-uses"]);
    expect(() => edit.at(["paths", "/nowhere"])).toThrow("nothing to change at #/paths/~1nowhere");
  });

  it("keeps a key named __proto__ an own property when it copies below it", () => {
    const input = deepFreeze(JSON.parse('{"openapi":"3.0.0","x":{"__proto__":{"a":1}}}') as OpenApiDocument);
    const edit = new DocumentEditor(input);
    edit.at(["x", "__proto__"]).a = 2;
    const x = (edit.result() as unknown as { x: object }).x;
    expect(Object.getOwnPropertyNames(x)).toEqual(["__proto__"]);
    expect(JSON.stringify(edit.result())).toBe('{"openapi":"3.0.0","x":{"__proto__":{"a":2}}}');
  });
});
