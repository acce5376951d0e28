// The overlay reader: shape checks with errors that name file and JSON pointer, the
// JSONPath subset, and loading spec/overlays in file-name order.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadOverlays, parseJsonPath, parseOverlay, selectPaths } from "../../../generator/load/overlay.ts";

const info = { title: "t", version: "1" };

describe("parseJsonPath", () => {
  it.each([
    ["$", []],
    ["$.paths", [{ kind: "names", names: ["paths"] }]],
    [
      "$.paths['/v2/x'].get",
      [
        { kind: "names", names: ["paths"] },
        { kind: "names", names: ["/v2/x"] },
        { kind: "names", names: ["get"] },
      ],
    ],
    [`$["a\\"b"]`, [{ kind: "names", names: ['a"b'] }]],
    ["$['it\\'s']", [{ kind: "names", names: ["it's"] }]],
    ["$['\\u0041']", [{ kind: "names", names: ["A"] }]],
    ["$['a', \"b\"]", [{ kind: "names", names: ["a", "b"] }]],
    [
      "$.list[2][-1]",
      [
        { kind: "names", names: ["list"] },
        { kind: "index", index: 2 },
        { kind: "index", index: -1 },
      ],
    ],
    ["$.paths.*[*]", [{ kind: "names", names: ["paths"] }, { kind: "wildcard" }, { kind: "wildcard" }]],
    ["$..logtail", [{ kind: "descendants" }, { kind: "names", names: ["logtail"] }]],
    ["$..['a b']", [{ kind: "descendants" }, { kind: "names", names: ["a b"] }]],
    ["$..*", [{ kind: "descendants" }, { kind: "wildcard" }]],
    [
      "$.m[?@ == 'x#/y']",
      [
        { kind: "names", names: ["m"] },
        { kind: "filter", conditions: [{ path: [], op: "==", value: "x#/y" }] },
      ],
    ],
    [
      "$.p[?(@.name != 3)]",
      [
        { kind: "names", names: ["p"] },
        { kind: "filter", conditions: [{ path: ["name"], op: "!=", value: 3 }] },
      ],
    ],
    [
      "$.p[?@['in'] == null && !@.x && @.y]",
      [
        { kind: "names", names: ["p"] },
        {
          kind: "filter",
          conditions: [
            { path: ["in"], op: "==", value: null },
            { path: ["x"], negate: true },
            { path: ["y"], negate: false },
          ],
        },
      ],
    ],
  ])("parses %s", (expr, want) => {
    expect(parseJsonPath(expr)).toEqual(want);
  });

  it.each([
    ["paths", /must start with \$/],
    ["$.paths[?(@)]", /a filter supports only ==, != and existence tests/],
    ["$.paths[?!@.x == 1]", /! negates an existence test/],
    ["$.paths[?$.x == 1]", /a filter must test @/],
    ["$.paths[?@ == x]", /a filter compares with a quoted string/],
    ["$.paths[?(@ == 1]", /expected \)/],
    ["$.x-codeSamples", /expected \. or \[/],
    ["$['open", /unterminated/],
    ["$['a'", /expected , or \]/],
    ["$['\\q']", /bad escape/],
    ["$.", /expected a member name/],
  ])("refuses %s", (expr, error) => {
    expect(() => parseJsonPath(expr)).toThrow(error);
  });
});

describe("selectPaths", () => {
  const doc = { paths: { "/a": { get: { p: [10, 20, 30] } }, "/b": { post: {} } }, list: [{ n: 1 }, { n: 2 }] };

  it.each([
    ["$", [[]]],
    ["$.paths['/a'].get.p[1]", [["paths", "/a", "get", "p", "1"]]],
    ["$.paths['/a'].get.p[-1]", [["paths", "/a", "get", "p", "2"]]],
    [
      "$.paths.*",
      [
        ["paths", "/a"],
        ["paths", "/b"],
      ],
    ],
    [
      "$.list[*].n",
      [
        ["list", "0", "n"],
        ["list", "1", "n"],
      ],
    ],
    [
      "$.paths['/b', '/a']",
      [
        ["paths", "/b"],
        ["paths", "/a"],
      ],
    ],
    ["$.paths['/missing']", []],
    ["$.paths['/a'].get.p[3]", []],
    ["$.list.n", []],
    ["$.paths[0]", []],
    [
      "$..n",
      [
        ["list", "0", "n"],
        ["list", "1", "n"],
      ],
    ],
    ["$.list[?@.n == 2]", [["list", "1"]]],
    ["$.list[?@.n != 2]", [["list", "0"]]],
    ["$.paths[?@.post && !@.get]", [["paths", "/b"]]],
    ["$.paths[?@.get.p && @.get.q]", []],
    ["$.paths['/a'].get.p[?@ == 20]", [["paths", "/a", "get", "p", "1"]]],
  ])("%s selects %j", (expr, want) => {
    expect(selectPaths(doc, expr)).toEqual(want);
  });

  // One target for a schema written in place (a single-file spec) and for one referred to (a multi-file spec).
  const inPlace = { paths: { "/a": { schema: { properties: { x: { type: "string", required: ["y"] } } } } } };
  const referred = {
    paths: { "/a": { schema: { $ref: "#/defs/a" } } },
    defs: { a: { properties: { x: { $ref: "#/defs/x" } } }, x: { type: "string", required: ["y"] } },
  };

  it("follows $refs on the way, so a target survives a change of layout", () => {
    expect(selectPaths(inPlace, "$.paths['/a'].schema.properties.x.required")).toEqual([
      ["paths", "/a", "schema", "properties", "x", "required"],
    ]);
    expect(selectPaths(referred, "$.paths['/a'].schema.properties.x.required")).toEqual([["defs", "x", "required"]]);
  });

  it("stops at a selected $ref unless asked to follow it (updates follow, removals do not)", () => {
    expect(selectPaths(referred, "$.paths['/a'].schema.properties.x")).toEqual([["defs", "a", "properties", "x"]]);
    expect(selectPaths(referred, "$.paths['/a'].schema.properties.x", true)).toEqual([["defs", "x"]]);
  });

  it("finds a descendant where it is written, once, however many refs lead to it", () => {
    const twice = { ...referred, paths: { ...referred.paths, "/b": { schema: { $ref: "#/defs/a" } } } };
    expect(selectPaths(twice, "$..x.required")).toEqual([["defs", "x", "required"]]);
    expect(selectPaths(inPlace, "$..x.required")).toEqual([["paths", "/a", "schema", "properties", "x", "required"]]);
  });
});

describe("parseOverlay", () => {
  it("accepts a 1.0 overlay, a 1.1 overlay with copy, and x- extensions", () => {
    const v10 = { overlay: "1.0.0", info, actions: [{ target: "$.info", update: { title: "x" } }] };
    expect(parseOverlay(v10, "a.json").overlay).toEqual(v10);
    const v11 = {
      overlay: "1.1.0",
      info,
      actions: [
        { target: "$.a", copy: "$.b" },
        { target: "$.c", remove: true },
      ],
    };
    expect(parseOverlay(v11, "b.json").file).toBe("b.json");
    const extended = {
      ...v10,
      "x-origin": "upstream issue",
      actions: [{ ...v10.actions[0], "x-note": 1, remove: false }],
    };
    expect(parseOverlay(extended, "c.json").overlay).toEqual(extended);
  });

  // Shape errors come from spec/schemas/overlay.schema.json; each names the file and the JSON pointer of the value.
  it.each([
    [[], "f.json: must be an object"],
    [{ overlay: "2.0.0", info, actions: [] }, "f.json#/overlay: unsupported overlay version"],
    [{ overlay: "1.0.0", info: {}, actions: [] }, 'f.json#/info: "title" is required'],
    [{ overlay: "1.0.0", info, actions: [] }, "f.json#/actions: must not be empty"],
    [{ overlay: "1.0.0", info, actions: [{ update: {} }] }, 'f.json#/actions/0: "target" is required'],
    [{ overlay: "1.0.0", info, actions: [{ target: 5, update: {} }] }, "f.json#/actions/0/target: must be a string"],
    [
      {
        overlay: "1.0.0",
        info,
        actions: [
          { target: "$", update: {} },
          { target: "$.x[?@.y > 1]", update: {} },
        ],
      },
      "f.json#/actions/1/target: JSONPath",
    ],
    [{ overlay: "1.0.0", info, actions: [{ target: "$.a" }] }, "f.json#/actions/0: needs exactly one of"],
    [
      { overlay: "1.0.0", info, actions: [{ target: "$.a", update: {}, remove: true }] },
      "f.json#/actions/0: needs exactly one of",
    ],
    [
      { overlay: "1.0.0", info, actions: [{ target: "$.a", remove: false }] },
      "f.json#/actions/0: needs exactly one of",
    ],
    [
      { overlay: "1.0.0", info, actions: [{ target: "$.a", copy: "$.b" }] },
      "f.json#/actions/0/copy: copy needs overlay 1.1.0",
    ],
    [{ overlay: "1.1.0", info, actions: [{ target: "$.a", copy: "b" }] }, "f.json#/actions/0/copy: JSONPath"],
    [
      { overlay: "1.0.0", info, actions: [{ target: "$.a", remove: "yes", update: {} }] },
      "f.json#/actions/0/remove: must be a boolean",
    ],
    [
      { overlay: "1.0.0", info, actions: [{ target: "$.a", update: {}, remvoe: true }] },
      'f.json#/actions/0/remvoe: unknown key "remvoe"',
    ],
    [
      { overlay: "1.0.0", info, actions: [{ target: "$", update: {} }], extra: 1 },
      'f.json#/extra: unknown key "extra"',
    ],
  ])("refuses %j", (json, message) => {
    expect(() => parseOverlay(json, "f.json")).toThrow(message);
  });
});

describe("loadOverlays", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("reads every .json file in name order and labels it", () => {
    dir = mkdtempSync(join(tmpdir(), "overlays-"));
    const write = (name: string, title: string) =>
      writeFileSync(
        join(dir!, name),
        JSON.stringify({ overlay: "1.0.0", info: { title, version: "1" }, actions: [{ target: "$", update: {} }] }),
      );
    write("b.json", "second");
    write("a.json", "first");
    writeFileSync(join(dir, "notes.md"), "ignored");
    const loaded = loadOverlays(dir, "spec/overlays");
    expect(loaded.map((o) => [o.file, o.overlay.info.title])).toEqual([
      ["spec/overlays/a.json", "first"],
      ["spec/overlays/b.json", "second"],
    ]);
  });

  it("names the file that is not JSON", () => {
    dir = mkdtempSync(join(tmpdir(), "overlays-"));
    writeFileSync(join(dir, "bad.json"), "{");
    expect(() => loadOverlays(dir!, "spec/overlays")).toThrow(
      /^spec\/overlays\/bad\.json: invalid JSON at line 1, column 2: /,
    );
  });

  it("loads the project's own overlays", () => {
    const loaded = loadOverlays(join(import.meta.dirname, "../../../spec/overlays"), "spec/overlays");
    expect(loaded.map((o) => o.file)).toContain("spec/overlays/registry-repository-paths.json");
  });
});
