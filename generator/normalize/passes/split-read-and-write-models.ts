// Quirk: models serve both directions, with `readOnly` fields only the API
// fills in (an SSH key's `id` and `fingerprint`: 103 such fields in the
// pinned spec, 194 in DigitalOcean's newest) and `writeOnly` ones only a
// caller sends (a domain's `ip_address`). Typed as they are, requests offer
// fields the API ignores or refuses (`sshKeysCreate` took `id`) and responses
// promise fields that never come back. Each model that has such fields,
// itself or in a model it contains, gets a second, request-side model `<Name>Input`
// without its `readOnly` fields; request bodies refer to the input models,
// and the model itself drops its `writeOnly` fields, so it is exactly what the
// API returns. Inline request and response schemas lose the fields of the
// other side in place. Runs last: every request and response is written out.
import type { NormalizePass } from "../pass.ts";
import { NameRegistry } from "../../naming/registry.ts";
import { escapeToken, formatPointer, parsePointer } from "../../pointer.ts";
import { isObject, type JsonObject } from "./support/walk-document.ts";

type Side = "request" | "response";
const PREFIX = "#/components/schemas/";
const SUBSCHEMA = ["items", "additionalProperties", "not"] as const;
const SUBSCHEMA_LISTS = ["allOf", "oneOf", "anyOf"] as const;
/** The field a side never carries. */
const FOREIGN: Readonly<Record<Side, string>> = { request: "readOnly", response: "writeOnly" };

const modelOf = (ref: unknown): string | undefined =>
  typeof ref === "string" && ref.startsWith(PREFIX) ? parsePointer(ref)[2] : undefined;

/** Models a schema refers to, at any depth outside other models. */
function refsIn(schema: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) for (const item of schema) refsIn(item, into);
  else if (isObject(schema)) {
    const model = modelOf(schema.$ref);
    if (model) into.add(model);
    for (const [key, value] of Object.entries(schema)) if (key !== "example" && key !== "examples") refsIn(value, into);
  }
  return into;
}

/** Does the schema itself (not through refs) have a property marked `flag`, at any depth? */
function hasOwnFlag(schema: unknown, flag: string): boolean {
  if (Array.isArray(schema)) return schema.some((item) => hasOwnFlag(item, flag));
  if (!isObject(schema) || typeof schema.$ref === "string") return false;
  const properties = isObject(schema.properties) ? Object.values(schema.properties) : [];
  if (properties.some((p) => isObject(p) && p[flag] === true)) return true;
  return [...properties, ...SUBSCHEMA.map((k) => schema[k]), ...SUBSCHEMA_LISTS.map((k) => schema[k])].some((s) =>
    hasOwnFlag(s, flag),
  );
}

/** The models for which `own` holds, or which contain (through refs) one for which it does. */
function closure(models: JsonObject, own: (schema: unknown) => boolean): Set<string> {
  const marked = new Set(Object.keys(models).filter((k) => own(models[k])));
  const refs = new Map(Object.keys(models).map((k) => [k, refsIn(models[k])]));
  for (let grew = true; grew; ) {
    grew = false;
    for (const [k, inner] of refs) {
      if (marked.has(k) || ![...inner].some((i) => marked.has(i))) continue;
      marked.add(k);
      grew = true;
    }
  }
  return marked;
}

/** The models each side uses: refs from request bodies and from responses, followed through models. */
function reachedFrom(doc: JsonObject, models: JsonObject): Record<Side, Set<string>> {
  const roots: Record<Side, Set<string>> = { request: new Set(), response: new Set() };
  for (const item of Object.values(isObject(doc.paths) ? doc.paths : {})) {
    for (const operation of Object.values(isObject(item) ? item : {})) {
      if (!isObject(operation)) continue;
      refsIn((operation.requestBody as JsonObject | undefined)?.content, roots.request);
      for (const response of Object.values(isObject(operation.responses) ? operation.responses : {}))
        refsIn(isObject(response) ? response.content : undefined, roots.response);
    }
  }
  const reach = (from: Set<string>): Set<string> => {
    const seen = new Set<string>();
    const visit = (model: string): void => {
      if (seen.has(model) || !(model in models)) return;
      seen.add(model);
      for (const inner of refsIn(models[model])) visit(inner);
    };
    for (const model of from) visit(model);
    return seen;
  };
  return { request: reach(roots.request), response: reach(roots.response) };
}

export const splitReadAndWriteModels: NormalizePass = {
  name: "split-read-and-write-models",
  run(input, ctx) {
    const doc = structuredClone(input) as unknown as JsonObject & typeof input;
    const models = (doc.components?.schemas ?? {}) as JsonObject;
    const original = structuredClone(models);
    const writeOnly = closure(original, (s) => hasOwnFlag(s, "writeOnly"));
    const readOnly = closure(original, (s) => hasOwnFlag(s, "readOnly"));
    const { request: requested, response: returned } = reachedFrom(doc, original);
    /** Models both sides use whose sides differ: requests get an input model. */
    const twoSided = new Set([...requested].filter((m) => returned.has(m) && (readOnly.has(m) || writeOnly.has(m))));
    const registry = new NameRegistry(Object.keys(models));
    const inputs = new Map<string, string>();

    /** The schema as `side` sees it: the other side's fields gone, refs to the side's models. */
    const forSide = (schema: unknown, side: Side): unknown => {
      if (Array.isArray(schema)) return schema.map((item) => forSide(item, side));
      if (!isObject(schema)) return schema;
      const model = modelOf(schema.$ref);
      if (model !== undefined)
        return side === "request" && twoSided.has(model) ? { ...schema, $ref: inputRef(model) } : schema;
      const out: JsonObject = { ...schema };
      if (isObject(schema.properties)) {
        const properties = schema.properties;
        const dropped = Object.keys(properties).filter(
          (k) => isObject(properties[k]) && properties[k][FOREIGN[side]] === true,
        );
        out.properties = Object.fromEntries(
          Object.entries(properties)
            .filter(([k]) => !dropped.includes(k))
            .map(([k, v]) => [k, forSide(v, side)]),
        );
        if (Array.isArray(schema.required) && dropped.length) {
          out.required = schema.required.filter((k) => !dropped.includes(k as string));
          if ((out.required as unknown[]).length === 0) delete out.required;
        }
      }
      for (const key of SUBSCHEMA) if (isObject(schema[key])) out[key] = forSide(schema[key], side);
      for (const key of SUBSCHEMA_LISTS) if (Array.isArray(schema[key])) out[key] = forSide(schema[key], side);
      if (side === "request" && isObject(schema.discriminator) && isObject(schema.discriminator.mapping)) {
        const mapping = Object.entries(schema.discriminator.mapping).map(([tag, target]) => {
          const model = modelOf(target);
          return [tag, model !== undefined && twoSided.has(model) ? inputRef(model) : target];
        });
        out.discriminator = { ...schema.discriminator, mapping: Object.fromEntries(mapping) };
      }
      return out;
    };

    /** `#/components/schemas/<Name>Input`, made on first use from the model as written. */
    function inputRef(model: string): string {
      let name = inputs.get(model);
      if (name === undefined) {
        name = registry.claim([`${model}Input`, `${model}Request`, `${model}Write`], `request side of ${model}`);
        inputs.set(model, name);
        models[name] = {};
        models[name] = forSide(original[model], "request");
        ctx.fixed(`${name}: ${model} without the fields only the API sets`, `${PREFIX}${escapeToken(name)}`);
      }
      return `${PREFIX}${escapeToken(name)}`;
    }

    for (const model of Object.keys(original)) {
      const side: Side | undefined =
        returned.has(model) && writeOnly.has(model)
          ? "response"
          : requested.has(model) && !returned.has(model) && readOnly.has(model)
            ? "request"
            : undefined;
      if (!side) continue;
      models[model] = forSide(original[model], side);
      const what = side === "response" ? "only a caller sends" : "only the API sets";
      ctx.fixed(`${model} without the fields ${what}`, `${PREFIX}${escapeToken(model)}`);
    }
    for (const [path, item] of Object.entries(doc.paths ?? {})) {
      for (const [method, operation] of Object.entries(item ?? {})) {
        if (!isObject(operation)) continue;
        const body = (operation.requestBody as JsonObject | undefined)?.content;
        for (const media of Object.values(isObject(body) ? body : {}))
          if (isObject(media) && media.schema !== undefined) media.schema = forSide(media.schema, "request");
        for (const [code, response] of Object.entries(isObject(operation.responses) ? operation.responses : {})) {
          const content = isObject(response) ? response.content : undefined;
          for (const [type, media] of Object.entries(isObject(content) ? content : {})) {
            if (!isObject(media) || media.schema === undefined) continue;
            const before = JSON.stringify(media.schema);
            media.schema = forSide(media.schema, "response");
            if (JSON.stringify(media.schema) !== before)
              ctx.fixed(
                "left out fields only a caller sends",
                formatPointer(["paths", path, method, "responses", code, "content", type, "schema"]),
              );
          }
        }
      }
    }
    return doc;
  },
};
