// A small API with things to wait for, shared by the waiter tests of the
// model (test/unit/model/waiters.test.ts) and the emitter (test/unit/emit/).
import type { WaiterEntry } from "../../generator/load/spec-data.ts";
import type { OpenApiDocument } from "../../generator/openapi.ts";
import { spec } from "./helpers.ts";

const ok = (schema: object) => ({ "200": { description: "ok", content: { "application/json": { schema } } } });
const idParam = (name: string, type = "integer") => ({ name, in: "path", required: true, schema: { type } });

export const thingsDoc: OpenApiDocument = spec({
  paths: {
    "/v2/things/{thing_id}": {
      get: {
        operationId: "things_get",
        tags: ["Things"],
        parameters: [idParam("thing_id")],
        responses: ok({ type: "object", properties: { thing: { $ref: "#/components/schemas/Thing" } } }),
      },
      delete: {
        operationId: "things_delete",
        tags: ["Things"],
        parameters: [idParam("thing_id")],
        responses: { "204": { description: "gone" } },
      },
    },
    "/v2/things/{thing_id}/parts/{part_id}": {
      get: {
        operationId: "things_get_part",
        tags: ["Things"],
        parameters: [idParam("thing_id"), idParam("part_id", "string")],
        responses: ok({ type: "object" }),
      },
    },
  } as never,
  components: {
    schemas: {
      Thing: {
        type: "object",
        properties: {
          status: { type: "string", enum: ["new", "ready", "broken", "gone"] },
          health: { allOf: [{ $ref: "#/components/schemas/Health" }] },
          note: { type: "string" },
        },
      },
      Health: { type: "object", properties: { state: { type: "string", enum: ["starting", "up", "down"] } } },
    } as never,
  },
});

export const ready: WaiterEntry = {
  name: "waitUntilThingReady",
  summary: "a thing is ready",
  operationId: "things_get",
  idParam: "thing_id",
  path: "thing.status",
  success: ["ready"],
  failure: ["broken"],
};

export const gone: WaiterEntry = {
  name: "waitUntilThingDeleted",
  summary: "a thing is gone",
  operationId: "things_get",
  idParam: "thing_id",
  path: "thing.status",
  success: ["gone"],
  onNotFound: "success",
};
