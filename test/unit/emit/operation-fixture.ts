// One operation of a one-operation API, as the model describes it, for the
// given/want tables of the descriptor and signature builders.
import { buildModel } from "../../../generator/model/build-model.ts";
import type { ApiModel, OperationInfo } from "../../../generator/model/types.ts";
import { spec } from "../helpers.ts";

export const json = (schema: object) => ({ content: { "application/json": { schema } } });
export const ok = (schema: object) => ({ "200": { description: "ok", ...json(schema) } });
export const pathParam = (name: string, schema: object = { type: "integer" }) => ({
  name,
  in: "path",
  required: true,
  schema,
});
export const query = (name: string, required = false) => ({ name, in: "query", required, schema: { type: "integer" } });

/** Schemas every fixture operation may refer to. */
export const schemas = {
  Widget: { type: "object", properties: { id: { type: "integer" }, name: { type: "string" } } },
  Links: { type: "object", properties: { pages: { type: "object" } } },
  Slug: { type: "string", enum: ["small", "large"] },
};

/** The credentials of DigitalOcean's spec (spec/credentials.json). */
const credentials = { bearer_auth: "token", inference_bearer_auth: "modelAccessKey" } as const;

export function modelOf(path: string, method: string, operation: object): ApiModel {
  return buildModel(
    spec({ paths: { [path]: { [method]: operation } } as never, components: { schemas: schemas as never } }),
    undefined,
    { credentials },
  );
}

export function operationOf(path: string, method: string, operation: object): OperationInfo {
  return modelOf(path, method, operation).operations[0]!;
}
