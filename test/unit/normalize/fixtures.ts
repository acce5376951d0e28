// Small builders for the normaliser pass tests: most fixtures are "one
// operation whose response is this schema"; a few tests also run on the pinned spec.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { Ajv } from "ajv";
import type { OpenApiDocument } from "../../../generator/openapi.ts";
import { escapeToken, getAt, parsePointer } from "../../../generator/pointer.ts";
import { spec } from "../helpers.ts";

/** Pointer of the schema withResponseSchema puts in place. */
export const RESPONSE_SCHEMA = "#/paths/~1x/get/responses/200/content/application~1json/schema";

/** A document whose GET /x answers 200 with `schema` (plus `extra` paths). */
export function withResponseSchema(schema: unknown, extra: Record<string, unknown> = {}): OpenApiDocument {
  return spec({
    paths: {
      "/x": { get: { responses: { "200": { description: "ok", content: { "application/json": { schema } } } } } },
      ...extra,
    },
  } as Partial<OpenApiDocument>);
}

/** The value at a pointer of a pass's output (for assertions). */
export function at(doc: OpenApiDocument, pointer: string): unknown {
  return getAt(doc, parsePointer(pointer));
}

/** Does `value` validate against the schema at `pointer` (refs resolved in `doc`)? Plain ajv, nullable understood. */
export function validates(doc: OpenApiDocument, pointer: string, value: unknown): boolean {
  const ajv = new Ajv({ strict: false, validateSchema: false, logger: false });
  ajv.addSchema(doc as object, "doc.json");
  const fragment = parsePointer(pointer)
    .map((t) => "/" + encodeURIComponent(escapeToken(t)))
    .join("");
  return ajv.compile({ $ref: `doc.json#${fragment}` })(value) as boolean;
}

/** The project root, for tests that read spec/. */
export const ROOT = join(import.meta.dirname, "../../..");

/** The pinned spec as installed (spec/source.json says which), freshly parsed. */
export function pinnedSpec(): OpenApiDocument {
  const source = JSON.parse(readFileSync(join(ROOT, "spec/source.json"), "utf8")) as { package: string; file: string };
  const file = createRequire(join(ROOT, "package.json")).resolve(`${source.package}/${source.file}`);
  return JSON.parse(readFileSync(file, "utf8")) as OpenApiDocument;
}
