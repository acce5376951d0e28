// Given/want for what an app receives, and for models, whose side (request,
// response or both) decides how a change counts.
import { describe, expect, it } from "vitest";
import { diffSurfaces } from "../../../generator/surface/diff.ts";
import { changes, type Fixture, oneOperation, ref, surfaceOf, withBody } from "./support.ts";

const response = (properties: object, required: string[] = []) =>
  oneOperation({ response: { type: "object", required, properties } });
const id = { id: { type: "integer" } };
const status = (...values: string[]) => ({ status: { type: "string", enum: values } });

describe("api diff: responses", () => {
  it("a response field removed is breaking; one added is added", () => {
    expect(changes(response({ ...id, name: { type: "string" } }), response(id))).toEqual([
      "BREAKING field.removed thingsList response.name",
    ]);
    expect(changes(response(id), response({ ...id, name: { type: "string" } }))).toEqual([
      "added field.added thingsList response.name",
    ]);
    expect(changes(response(id), response({ ...id, name: { type: "string" } }, ["name"]))).toEqual([
      "added field.added-required thingsList response.name",
    ]);
  });

  it("a response field whose type changed is breaking, widened too; narrowed is a change", () => {
    expect(changes(response(id), response({ id: { type: "string" } }))).toEqual([
      "BREAKING type.changed thingsList response.id",
    ]);
    expect(changes(response(id), response({ id: { type: "number" } }))).toEqual([
      "BREAKING type.widened thingsList response.id",
    ]);
    expect(changes(response({ id: { type: "number" } }), response(id))).toEqual([
      "changed type.narrowed thingsList response.id",
    ]);
  });

  it("a response field that may now be absent or null is breaking; the reverse is a change", () => {
    expect(changes(response(id, ["id"]), response(id))).toEqual(["BREAKING field.optional thingsList response.id"]);
    expect(changes(response(id), response(id, ["id"]))).toEqual(["changed field.required thingsList response.id"]);
    const nullable = response({ id: { type: "integer", nullable: true } });
    expect(changes(response(id), nullable)).toEqual(["BREAKING type.widened thingsList response.id"]);
    expect(changes(nullable, response(id))).toEqual(["changed type.narrowed thingsList response.id"]);
  });

  it("an enum value added to a response type is a change (minor): exhaustive switches may miss it", () => {
    const diff = diffSurfaces(
      surfaceOf(response(status("new", "active"))),
      surfaceOf(response(status("new", "active", "off"))),
    );
    expect(diff.changes.map((c) => `${c.tag} ${c.rule} ${c.at} ${c.message}`)).toEqual([
      'changed enum.value-added response.status enum value "off" added',
    ]);
    expect(diff.semver).toBe("minor");
    expect(changes(response(status("new", "active")), response(status("new")))).toEqual([
      "changed enum.value-removed thingsList response.status",
    ]);
  });

  it("a response that becomes empty, or text, is breaking", () => {
    const empty: Fixture = structuredClone(response(id));
    (empty.paths!["/v2/things"] as { get: { responses: object } }).get.responses = { "204": { description: "" } };
    expect(changes(response(id), empty)).toEqual([
      "BREAKING export.removed thingsList",
      "BREAKING response.kind-changed thingsList response",
    ]);
  });

  it("a response type now a model with the same shape is no change to the operation", () => {
    const inline = response(id);
    const named = oneOperation({ response: ref("Thing"), schemas: { Thing: { type: "object", properties: id } } });
    // The inline response had its own exported type; the named one is the model.
    expect(changes(inline, named)).toEqual(["added model.added Thing", "BREAKING export.removed thingsList"]);
  });
});

describe("api diff: models", () => {
  const thing = (properties: object, required: string[] = []) => ({ Thing: { type: "object", required, properties } });
  const read = (schemas: object): Fixture => oneOperation({ response: ref("Thing"), schemas: schemas as never });
  const sent = (schemas: object): Fixture => withBody(ref("Thing"), true, schemas as never);
  const both = (schemas: object): Fixture => {
    const fixture = sent(schemas);
    (fixture.paths!["/v2/things"] as Record<string, unknown>).get = {
      operationId: "things_list",
      responses: { "200": { description: "ok", content: { "application/json": { schema: ref("Thing") } } } },
    };
    return fixture;
  };

  it("a model field's type changed is breaking, named at the model", () => {
    const diff = diffSurfaces(surfaceOf(read(thing(id))), surfaceOf(read(thing({ id: { type: "string" } }))));
    expect(diff.changes.map((c) => `${c.tag} ${c.rule} ${c.resource} ${c.subject} ${c.at}`)).toEqual([
      "BREAKING type.changed things Thing Thing.id",
    ]);
    expect(diff.changes[0]!.message).toBe("type changed from integer to string");
  });

  it("a model removed is breaking; added is added; renamed with the same type is one breaking rename", () => {
    const other = oneOperation({ response: ref("Other"), schemas: { Other: { type: "object", properties: id } } });
    const plain = oneOperation({});
    const unused = oneOperation({ schemas: thing(id) });
    expect(changes(unused, plain)).toEqual(["BREAKING model.removed Thing"]);
    expect(changes(plain, unused)).toEqual(["added model.added Thing"]);
    expect(surfaceOf(unused).models.Thing!.side).toBe("both");
    expect(changes(read(thing(id)), other)).toEqual(["BREAKING model.renamed Thing"]);
  });

  it("a required field added counts by side: breaking when sent, added when only received", () => {
    const more = thing({ ...id, name: { type: "string" } }, ["name"]);
    expect(changes(sent(thing(id)), sent(more))).toEqual(["BREAKING field.added-required Thing Thing.name"]);
    expect(changes(read(thing(id)), read(more))).toEqual(["added field.added-required Thing Thing.name"]);
  });

  it("a model used both ways counts for both: the more severe tag wins", () => {
    const before = both(thing(status("new", "active")));
    const after = both(thing(status("new", "active", "off")));
    const surface = surfaceOf(before);
    expect(surface.models.Thing!.side).toBe("both");
    // Added for requests, changed for responses: changed.
    expect(changes(before, after)).toEqual(["changed enum.value-added Thing Thing.status"]);
    // Narrowed: breaking for requests, a change for responses: breaking.
    expect(changes(after, before)).toEqual(["BREAKING enum.value-removed Thing Thing.status"]);
    expect(surfaceOf(read(thing(id))).models.Thing!.side).toBe("response");
    expect(surfaceOf(sent(thing(id))).models.Thing!.side).toBe("request");
  });

  it("a model reached only through another model has that model's side", () => {
    const schemas = {
      Thing: { type: "object", properties: { part: ref("Part") } },
      Part: { type: "object", properties: status("a", "b") },
    };
    expect(surfaceOf(sent(schemas)).models.Part!.side).toBe("request");
    const after = { ...schemas, Part: { type: "object", properties: status("a") } };
    expect(changes(sent(schemas), sent(after))).toEqual(["BREAKING enum.value-removed Part Part.status"]);
    expect(changes(read(schemas), read(after))).toEqual(["changed enum.value-removed Part Part.status"]);
  });

  it("a ref to another model is compared by structure: only a real difference is reported", () => {
    const schemas = {
      Thing: { type: "object", properties: { part: ref("Part") } },
      Part: { type: "object", properties: id },
      Piece: { type: "object", properties: id },
      Label: { type: "object", properties: { text: { type: "string" } } },
    };
    const to = (target: string) => ({ ...schemas, Thing: { type: "object", properties: { part: ref(target) } } });
    expect(changes(read(schemas), read(to("Piece")))).toEqual([]);
    expect(changes(read(schemas), read(to("Label")))).toEqual(["BREAKING type.changed Thing Thing.part"]);
  });
});
