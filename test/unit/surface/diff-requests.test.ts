// Given/want for what an app sends: parameters and request bodies. A request
// type may grow (the app's old calls still fit) but not shrink.
import { describe, expect, it } from "vitest";
import { diffSurfaces } from "../../../generator/surface/diff.ts";
import { changes, type Fixture, oneOperation, pathParam, query, surfaceOf, withBody } from "./support.ts";

const params = (...parameters: object[]) => oneOperation({ parameters });
const tagged = (...list: string[]) => list;

describe("api diff: parameters", () => {
  it("a parameter removed is breaking", () => {
    expect(changes(params(query("name"), query("tag")), params(query("name")))).toEqual(
      tagged("BREAKING parameter.removed thingsList query tag"),
    );
  });

  it("an optional parameter added is added; a required one is breaking", () => {
    expect(changes(params(), params(query("tag")))).toEqual(["added parameter.added thingsList query tag"]);
    expect(changes(params(), params(query("tag", undefined, true)))).toEqual([
      "BREAKING parameter.added-required thingsList query tag",
    ]);
  });

  it("a query parameter made required is breaking; made optional is a change", () => {
    const optional = params(query("tag"));
    const required = params(query("tag", undefined, true));
    expect(changes(optional, required)).toEqual(["BREAKING parameter.required thingsList query tag"]);
    expect(changes(required, optional)).toEqual(["changed parameter.optional thingsList query tag"]);
    const diff = diffSurfaces(surfaceOf(optional), surfaceOf(required));
    expect(diff.changes[0]!.message).toBe("now required");
  });

  it("a parameter type narrowed is breaking; widened is a change", () => {
    const number = params(query("size", { type: "number" }));
    const integer = params(query("size", { type: "integer" }));
    expect(changes(number, integer)).toEqual(["BREAKING type.narrowed thingsList query size"]);
    expect(changes(integer, number)).toEqual(["changed type.widened thingsList query size"]);
    const either = params(query("size", { anyOf: [{ type: "integer" }, { type: "string" }] }));
    expect(changes(integer, either)).toEqual(["changed type.widened thingsList query size"]);
    expect(changes(either, integer)).toEqual(["BREAKING type.narrowed thingsList query size"]);
  });

  it("a parameter whose type changed into another is breaking, and the message shows both", () => {
    const before = params(query("size", { type: "integer" }));
    const after = params(query("size", { type: "string" }));
    const diff = diffSurfaces(surfaceOf(before), surfaceOf(after));
    expect(diff.changes.map((c) => `${c.tag} ${c.rule} ${c.message}`)).toEqual([
      "BREAKING type.changed type changed from integer to string",
    ]);
  });

  it("an enum value removed from a parameter is breaking; one added is added", () => {
    const two = params(query("sort", { type: "string", enum: ["name", "size"] }));
    const three = params(query("sort", { type: "string", enum: ["name", "size", "age"] }));
    expect(changes(three, two)).toEqual(["BREAKING enum.value-removed thingsList query sort"]);
    expect(changes(two, three)).toEqual(["added enum.value-added thingsList query sort"]);
    expect(diffSurfaces(surfaceOf(two), surfaceOf(three)).changes[0]!.message).toBe('enum value "age" added');
  });

  it("a parameter newly deprecated is deprecated", () => {
    expect(changes(params(query("tag")), params({ ...query("tag"), deprecated: true }))).toEqual([
      "deprecated parameter.deprecated thingsList query tag",
    ]);
  });

  it("path arguments added or removed are breaking; their type is compared by position", () => {
    const one: Fixture = {
      paths: {
        "/v2/things/{thing_id}": {
          get: {
            operationId: "things_get",
            parameters: [pathParam("thing_id")],
            responses: { "204": { description: "" } },
          },
        },
      },
    };
    const slug = structuredClone(one);
    (slug.paths!["/v2/things/{thing_id}"] as { get: { parameters: object[] } }).get.parameters = [
      pathParam("thing_id", { anyOf: [{ type: "integer" }, { type: "string" }] }),
    ];
    expect(changes(one, slug)).toEqual(["changed type.widened thingsGet path thing_id"]);
    const two: Fixture = {
      paths: {
        "/v2/things/{thing_id}/{part}": {
          get: {
            operationId: "things_get",
            parameters: [pathParam("thing_id"), pathParam("part", { type: "string" })],
            responses: { "204": { description: "" } },
          },
        },
      },
    };
    expect(changes(one, two)).toEqual([
      "BREAKING operation.http-changed thingsGet",
      "BREAKING parameter.path-changed thingsGet",
    ]);
  });
});

describe("api diff: request bodies", () => {
  const thing = (required: string[], extra: object = {}) => ({
    type: "object",
    required,
    properties: { name: { type: "string" }, size: { type: "string", enum: ["s", "m", "l"] }, ...extra },
  });

  it("a request field newly required is breaking; no longer required is a change", () => {
    expect(changes(withBody(thing(["name"])), withBody(thing(["name", "size"])))).toEqual([
      "BREAKING field.required thingsCreate body.size",
    ]);
    expect(changes(withBody(thing(["name", "size"])), withBody(thing(["name"])))).toEqual([
      "changed field.optional thingsCreate body.size",
    ]);
  });

  it("an optional request field added is added; a required one is breaking; one removed is breaking", () => {
    const tags = { tags: { type: "array", items: { type: "string" } } };
    expect(changes(withBody(thing([])), withBody(thing([], tags)))).toEqual([
      "added field.added thingsCreate body.tags",
    ]);
    const required = withBody({ ...thing(["tags"], tags) });
    expect(changes(withBody(thing([])), required)).toEqual(["BREAKING field.added-required thingsCreate body.tags"]);
    expect(changes(withBody(thing([], tags)), withBody(thing([])))).toEqual([
      "BREAKING field.removed thingsCreate body.tags",
    ]);
  });

  it("an enum value removed from a request type is breaking; one added is added", () => {
    const fewer = thing([], { size: { type: "string", enum: ["s", "m"] } });
    expect(changes(withBody(thing([])), withBody(fewer))).toEqual([
      "BREAKING enum.value-removed thingsCreate body.size",
    ]);
    expect(changes(withBody(fewer), withBody(thing([])))).toEqual(["added enum.value-added thingsCreate body.size"]);
  });

  it("a body that becomes required, appears, disappears or moves under `body` is named", () => {
    expect(changes(withBody(thing([]), false), withBody(thing([]), true))).toEqual([
      "BREAKING body.required thingsCreate body",
    ]);
    const none: Fixture = structuredClone(withBody(thing([])));
    delete (none.paths!["/v2/things"] as { post: { requestBody?: unknown } }).post.requestBody;
    expect(changes(none, withBody(thing([]), false))).toEqual(["added body.added thingsCreate body"]);
    expect(changes(none, withBody(thing([]), true))).toEqual(["BREAKING body.added-required thingsCreate body"]);
    // Without a body the operation has no params object, so its params type goes too.
    expect(changes(withBody(thing([])), none)).toEqual([
      "BREAKING export.removed thingsCreate",
      "BREAKING body.removed thingsCreate body",
    ]);
    const list = withBody({ type: "array", items: { type: "string" } });
    expect(changes(withBody(thing([])), list)).toEqual(["BREAKING body.mode-changed thingsCreate body"]);
  });

  it("a request field that may now be null is a change; one that may no longer be null is breaking", () => {
    const nullable = thing([], { name: { type: "string", nullable: true } });
    expect(changes(withBody(thing([])), withBody(nullable))).toEqual(["changed type.widened thingsCreate body.name"]);
    expect(changes(withBody(nullable), withBody(thing([])))).toEqual(["BREAKING type.narrowed thingsCreate body.name"]);
  });

  it("a field required through an allOf part (WithRequired) is followed too", () => {
    const schemas = { Check: { type: "object", properties: { name: { type: "string" }, target: { type: "string" } } } };
    const body = (required: string[]) => ({
      type: "object",
      allOf: [{ $ref: "#/components/schemas/Check" }],
      required,
    });
    expect(changes(withBody(body(["name"]), true, schemas), withBody(body(["name", "target"]), true, schemas))).toEqual(
      ["BREAKING field.required thingsCreate body.target"],
    );
  });
});
