// Small fixture specs for the api-diff tests: a spec goes through the real
// model builder and surface builder, and through api.json's text form, so a
// test sees exactly what `npm run api-diff` reads.
import { buildModel } from "../../../generator/model/build-model.ts";
import type { RenameEntry } from "../../../generator/load/spec-data.ts";
import type { OpenApiDocument } from "../../../generator/openapi.ts";
import { buildSurface } from "../../../generator/surface/build-surface.ts";
import { diffSurfaces } from "../../../generator/surface/diff.ts";
import { serializeSurface } from "../../../generator/surface/surface-file.ts";
import type { Surface } from "../../../generator/surface/types.ts";
import { spec } from "../helpers.ts";

export const json = (schema: object) => ({ content: { "application/json": { schema } } });
export const ok = (schema: object) => ({ "200": { description: "ok", ...json(schema) } });
export const query = (name: string, schema: object = { type: "string" }, required = false) => ({
  name,
  in: "query",
  required,
  schema,
});
export const pathParam = (name: string, schema: object = { type: "integer" }) => ({
  name,
  in: "path",
  required: true,
  schema,
});
export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

export interface Fixture {
  paths?: Record<string, object>;
  schemas?: Record<string, object>;
  renames?: RenameEntry[];
  runtimeExports?: string[];
}

export function document(fixture: Fixture): OpenApiDocument {
  return spec({ paths: (fixture.paths ?? {}) as never, components: { schemas: (fixture.schemas ?? {}) as never } });
}

export function surfaceOf(fixture: Fixture, warnings: string[] = []): Surface {
  const api = buildModel(
    document(fixture),
    { exports: fixture.runtimeExports ?? [], clientMembers: ["constructor", "then"] },
    { renames: { entries: fixture.renames ?? [], warn: (m) => warnings.push(m) } },
  );
  const surface = buildSurface(api, { runtimeExports: fixture.runtimeExports ?? [] });
  return JSON.parse(serializeSurface(surface)) as Surface;
}

/** The changes from one fixture to another, one "TAG rule place" string each. */
export function changes(before: Fixture, after: Fixture): string[] {
  return diffSurfaces(surfaceOf(before), surfaceOf(after)).changes.map(
    (c) => `${c.tag} ${c.rule} ${c.subject}${c.at ? ` ${c.at}` : ""}`,
  );
}

/** A fixture with one GET operation; `change` edits a copy of its parts. */
export function oneOperation(parts: {
  parameters?: object[];
  response?: object;
  schemas?: Record<string, object>;
}): Fixture {
  return {
    paths: {
      "/v2/things": {
        get: {
          operationId: "things_list",
          tags: ["Things"],
          parameters: parts.parameters ?? [],
          responses: ok(parts.response ?? { type: "object", properties: { id: { type: "integer" } } }),
        },
      },
    },
    schemas: parts.schemas,
  };
}

/** A fixture with one POST operation taking a JSON body. */
export function withBody(body: object, required = true, schemas?: Record<string, object>): Fixture {
  return {
    paths: {
      "/v2/things": {
        post: {
          operationId: "things_create",
          tags: ["Things"],
          requestBody: { required, ...json(body) },
          responses: ok({ type: "object", properties: { id: { type: "integer" } } }),
        },
      },
    },
    schemas,
  };
}
