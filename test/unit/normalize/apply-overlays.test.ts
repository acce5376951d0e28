import { describe, expect, it } from "vitest";
import { parseOverlay, type OverlayAction } from "../../../generator/load/overlay.ts";
import { applyOverlays } from "../../../generator/normalize/passes/apply-overlays.ts";
import type { OpenApiDocument } from "../../../generator/openapi.ts";
import { apply, spec } from "../helpers.ts";

const overlay = (actions: OverlayAction[], version = "1.1.0", file = "spec/overlays/fix.json") =>
  parseOverlay({ overlay: version, info: { title: "t", version: "1" }, actions }, file);

const param = { name: "id", in: "path", required: true, schema: { type: "string" } };

describe("apply-overlays", () => {
  it.each<[string, OverlayAction[], Partial<OpenApiDocument>, Partial<OpenApiDocument>]>([
    [
      "update deep-merges objects and replaces arrays and scalars",
      [
        { target: "$.info", update: { title: "new", "x-meta": { a: 1 } } },
        { target: "$.info['x-meta']", update: { b: [2] } },
      ],
      { info: { title: "old", version: "1", "x-meta": { b: [1], c: true } } as never },
      { info: { title: "new", version: "1", "x-meta": { a: 1, b: [2], c: true } } as never },
    ],
    [
      "update appends to an array target and replaces a scalar target",
      [
        { target: "$.tags", update: { name: "b" } },
        { target: "$.tags[0].name", update: "A" },
      ],
      { tags: [{ name: "a" }] },
      { tags: [{ name: "A" }, { name: "b" }] },
    ],
    [
      "remove deletes object members and list items",
      [
        { target: "$.tags[0]", remove: true },
        { target: "$.info.description", remove: true },
      ],
      { tags: [{ name: "a" }, { name: "b" }], info: { title: "fixture", version: "1", description: "gone" } },
      { tags: [{ name: "b" }], info: { title: "fixture", version: "1" } },
    ],
    [
      "wildcards apply an action to every match",
      [{ target: "$.paths.*.get", update: { deprecated: true } }],
      { paths: { "/a": { get: { responses: {} } }, "/b": { get: { responses: {} } } } },
      {
        paths: {
          "/a": { get: { responses: {}, deprecated: true } },
          "/b": { get: { responses: {}, deprecated: true } },
        },
      },
    ],
    [
      "a path item is renamed by update + copy + remove, with refs into it moved by update",
      [
        { target: "$.paths", update: { "/v2/r/repositories/{id}": {} } },
        { target: "$.paths['/v2/r/repositories/{id}']", copy: "$.paths['/v2/r/{id}']" },
        {
          target: "$.paths['/other'].get.parameters[0]",
          update: { $ref: "#/paths/~1v2~1r~1repositories~1{id}/get/parameters/0" },
        },
        { target: "$.paths['/v2/r/{id}']", remove: true },
      ],
      {
        paths: {
          "/v2/r/{id}": { get: { parameters: [param], responses: {} } },
          "/other": { get: { parameters: [{ $ref: "#/paths/~1v2~1r~1%7Bid%7D/get/parameters/0" }], responses: {} } },
        } as never,
      },
      {
        paths: {
          "/other": {
            get: { parameters: [{ $ref: "#/paths/~1v2~1r~1repositories~1{id}/get/parameters/0" }], responses: {} },
          },
          "/v2/r/repositories/{id}": { get: { parameters: [param], responses: {} } },
        } as never,
      },
    ],
  ])("%s", (_, actions, given, want) => {
    const { doc, report } = apply(applyOverlays([overlay(actions)]), spec(given));
    expect(doc).toEqual(spec(want));
    expect(report.fixes.length).toBeGreaterThanOrEqual(actions.length);
    expect(report.fixes[0]!.message).toMatch(/^spec\/overlays\/fix\.json #0 /);
  });

  it("applies overlays in the order given", () => {
    const first = overlay([{ target: "$.info", update: { title: "first" } }], "1.0.0", "a.json");
    const second = overlay([{ target: "$.info", update: { title: "second" } }], "1.0.0", "b.json");
    expect(apply(applyOverlays([first, second]), spec()).doc.info.title).toBe("second");
  });

  it("reports one fix per matched node, with its pointer", () => {
    const { report } = apply(
      applyOverlays([overlay([{ target: "$.paths.*", update: { summary: "s" }, description: "say why" }])]),
      spec({ paths: { "/a": {}, "/b": {} } }),
    );
    expect(report.fixes).toEqual([
      { message: "spec/overlays/fix.json #0 update: say why", pointer: "#/paths/~1a" },
      { message: "spec/overlays/fix.json #0 update: say why", pointer: "#/paths/~1b" },
    ]);
  });

  it.each<[string, OverlayAction[], Partial<OpenApiDocument>, RegExp]>([
    [
      "a copy source that is not one node",
      [{ target: "$.info", copy: "$.paths.*" }],
      { paths: { "/a": {}, "/b": {} } },
      /action #0: copy \$\.paths\.\* must select exactly one node, selected 2/,
    ],
    [
      "an object target given a scalar",
      [{ target: "$.info", update: 3 }],
      {},
      /action #0: #\/info is an object, so the update must be an object/,
    ],
    ["removing the document", [{ target: "$", remove: true }], {}, /action #0: cannot remove the whole document/],
    [
      "a removal that leaves a ref dangling",
      [{ target: "$.paths['/a']", remove: true }],
      {
        paths: {
          "/a": { get: { responses: { "200": { description: "ok" } } } },
          "/b": { get: { responses: { "200": { $ref: "#/paths/~1a/get/responses/200" } } } },
        } as never,
      },
      /^spec\/overlays\/fix\.json: leaves 1 \$ref\(s\) dangling, e\.g\. #\/paths\/~1b\/get\/responses\/200 -> #\/paths\/~1a\/get\/responses\/200$/,
    ],
    [
      "a list removal that would shift a ref'd item",
      [{ target: "$.tags[0]", remove: true }],
      { tags: [{ name: "a" }, { name: "b" }], "x-use": { $ref: "#/tags/1" } } as never,
      /action #0: removing #\/tags\/0 would shift the list item that a \$ref points at \(#\/tags\/1\)/,
    ],
  ])("fails on %s, naming file and action", (_, actions, given, error) => {
    expect(() => apply(applyOverlays([overlay(actions)]), spec(given))).toThrow(error);
  });

  it("skips a whole file, with a note, when one of its targets matches nothing (a spec that does not need the fix)", () => {
    const actions: OverlayAction[] = [
      { target: "$.info", update: { title: "changed" } },
      { target: "$.paths['/gone']", remove: true },
    ];
    const { doc, report } = apply(applyOverlays([overlay(actions)]), spec());
    expect(doc.info.title).toBe("fixture");
    expect(report.fixes).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.notes).toEqual(["not needed by this spec, their targets are not in it: fix.json"]);
  });

  it("skips a file whose copy source is gone, too", () => {
    const { doc, report } = apply(applyOverlays([overlay([{ target: "$.info", copy: "$.paths['/gone']" }])]), spec());
    expect(doc).toEqual(spec());
    expect(report.details?.[0]).toMatch(
      /fix\.json not needed: action #0: copy source \$\.paths\['\/gone'\] matched nothing/,
    );
  });

  it("does not blame an overlay for refs that dangled before it", () => {
    const given = spec({ paths: { "/b": { get: { responses: { "200": { $ref: "#/nowhere" } } } } } as never });
    const { doc } = apply(applyOverlays([overlay([{ target: "$.info", update: { title: "t" } }])]), given);
    expect(doc.info.title).toBe("t");
  });

  describe("targets written where things are used", () => {
    const schemaAt = "$.paths['/a'].get.responses['200'].content['application/json'].schema";
    const json = (schema: unknown) => ({ description: "ok", content: { "application/json": { schema } } });
    /** /a's answer refers to a shared schema, as a multi-file spec's does. */
    const referred = () =>
      spec({
        paths: { "/a": { get: { responses: { "200": json({ $ref: "#/components/schemas/A" }) } } } } as never,
        components: {
          schemas: { A: { type: "object", required: ["x", "gone"], properties: { x: { type: "string" } } } },
        },
      });

    it("updates what a ref points at, and removes the node a removal names", () => {
      const updated = apply(
        applyOverlays([overlay([{ target: schemaAt, update: { description: "A thing." } }])]),
        referred(),
      );
      expect(updated.doc.components!.schemas!.A).toMatchObject({ description: "A thing." });
      const removed = apply(applyOverlays([overlay([{ target: `${schemaAt}.required`, remove: true }])]), referred());
      expect(removed.doc.components!.schemas!.A).not.toHaveProperty("required");
    });

    it("replaces the node with a ref when the update is one (a use site re-pointed)", () => {
      const given = spec({
        ...referred(),
        components: { schemas: { ...referred().components!.schemas, B: { type: "string" } } },
      });
      const { doc } = apply(
        applyOverlays([overlay([{ target: schemaAt, update: { $ref: "#/components/schemas/B" } }])]),
        given,
      );
      expect(
        (doc.paths["/a"]!.get!.responses["200"] as never as { content: Record<string, { schema: unknown }> }).content[
          "application/json"
        ]!.schema,
      ).toEqual({ $ref: "#/components/schemas/B" });
      expect(doc.components!.schemas!.A).toEqual(referred().components!.schemas!.A);
    });

    it("does not append a parameter the list already has (by in and name, through refs), and notes it", () => {
      const given = spec({
        paths: {
          "/a": {
            get: {
              parameters: [{ $ref: "#/components/parameters/page" }],
              responses: { "200": { description: "ok" } },
            },
          },
        } as never,
        components: { parameters: { page: { name: "page", in: "query", schema: { type: "integer" } } } },
      });
      const page = { name: "page", in: "query", schema: { type: "integer", minimum: 1 } };
      const type = { name: "type", in: "query", schema: { type: "string" } };
      const { doc, report } = apply(
        applyOverlays([
          overlay([
            { target: "$.paths['/a'].get.parameters", update: page },
            { target: "$.paths['/a'].get.parameters", update: type },
          ]),
        ]),
        given,
      );
      expect(doc.paths["/a"]!.get!.parameters).toEqual([{ $ref: "#/components/parameters/page" }, type]);
      expect(report.fixes).toHaveLength(1);
      expect(report.notes).toEqual([
        "spec/overlays/fix.json #0: the spec already has it at #/paths/~1a/get/parameters",
      ]);
    });
  });
});
