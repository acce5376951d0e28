// What a schema says about the shape of a value, written so that a TypeScript
// type can say it too. JSON Schema composes constraints that carry no shape:
// an allOf part that only marks the field `readOnly` or is empty, a `required`
// list naming properties another part defines (`meta: {allOf: [MetaProperties],
// required: [total]}`), an `anyOf` of `{required: [inbound_rules]}` and
// `{required: [outbound_rules]}` ("at least one of"). openapi-typescript types
// those as `& unknown`, `(unknown | unknown)` and `WithRequired<X, "total">`.
// Here each becomes what it means: an annotation-only part goes, a required
// name gets its property's type (`X & { total: number }`), a branch of
// required names becomes an object with those properties, and an empty branch
// among objects is an empty object, and "any object" beside the parts that
// give the shape adds no index signature. Discriminators go too: every tagged
// union's members already type their tag (narrow-union-members-by-tag). This
// is a view for typing only; the document the mock serves is unchanged.
import { isObject, type JsonObject } from "../normalize/passes/support/walk-document.ts";
import { unescapeToken } from "../pointer.ts";

/** Keywords no TypeScript type can say: annotations, and limits on a value that its type already allows. */
const ANNOTATIONS = new Set([
  "description",
  "title",
  "example",
  "examples",
  "readOnly",
  "writeOnly",
  "deprecated",
  "externalDocs",
  "default",
  "format",
  "pattern",
  "minLength",
  "maxLength",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
  "minItems",
  "maxItems",
  "uniqueItems",
  "minProperties",
  "maxProperties",
]);
const MAX_DEPTH = 24;

/** A schema with no shape of its own: annotations, maybe a `required` list. */
function shapeless(schema: JsonObject): boolean {
  return Object.keys(schema).every((k) => ANNOTATIONS.has(k) || k === "required" || k.startsWith("x-"));
}

/** `{type: object, additionalProperties: true}`: any object, no properties of its own. */
function openObject(schema: JsonObject): boolean {
  return (
    schema.type === "object" &&
    schema.additionalProperties === true &&
    Object.keys(schema).every((k) => k === "type" || k === "additionalProperties" || ANNOTATIONS.has(k))
  );
}

const requiredOf = (schema: JsonObject): string[] =>
  Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === "string") : [];

/**
 * @param model the schema of a model, by its key in `#/components/schemas`,
 *   to find a property that a `required` list names but another part defines.
 */
export function typeView(schema: unknown, model: (key: string) => unknown): unknown {
  /** The schema of property `name` somewhere in `schema`'s composition (own properties, allOf parts, refs). */
  const propertyOf = (node: unknown, name: string, depth = 0): unknown => {
    if (!isObject(node) || depth > MAX_DEPTH) return undefined;
    if (typeof node.$ref === "string") {
      const key = node.$ref.startsWith("#/components/schemas/") ? node.$ref.slice(21) : undefined;
      return key === undefined ? undefined : propertyOf(model(unescapeToken(decodeURIComponent(key))), name, depth + 1);
    }
    if (isObject(node.properties) && Object.hasOwn(node.properties, name)) return node.properties[name];
    for (const part of Array.isArray(node.allOf) ? node.allOf : []) {
      const found = propertyOf(part, name, depth + 1);
      if (found !== undefined) return found;
    }
    return undefined;
  };

  /** `{ properties: {name: its schema}, required: names }` for the names `scope` defines; undefined when none. */
  const requiredPart = (names: readonly string[], scope: unknown): JsonObject | undefined => {
    const properties: JsonObject = {};
    for (const name of names) {
      const property = propertyOf(scope, name);
      if (property !== undefined) properties[name] = property;
    }
    const found = Object.keys(properties);
    return found.length ? { type: "object", properties, required: found } : undefined;
  };

  const view = (node: unknown, depth: number): unknown => {
    if (Array.isArray(node) || !isObject(node) || depth > MAX_DEPTH || typeof node.$ref === "string") return node;
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === "discriminator") continue;
      // defineProperty: a property named "__proto__" must stay a property.
      Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    }
    // Required names defined by another part become a typed part of their own.
    const own = isObject(out.properties) ? out.properties : {};
    const elsewhere = requiredOf(out).filter((name) => !Object.hasOwn(own, name));
    const parts: unknown[] = Array.isArray(out.allOf) ? [...out.allOf] : [];
    if (elsewhere.length && parts.length) {
      // A name an inline part defines is required there; one a model defines gets a typed part.
      const viaModels: string[] = [];
      for (const name of elsewhere) {
        const at = parts.findIndex((p) => isObject(p) && isObject(p.properties) && Object.hasOwn(p.properties, name));
        if (at < 0) viaModels.push(name);
        else {
          const inline = parts[at] as JsonObject;
          parts[at] = { ...inline, required: [...new Set([...requiredOf(inline), name])] };
        }
      }
      const part = requiredPart(viaModels, out);
      out.required = requiredOf(out).filter((name) => !elsewhere.includes(name));
      if ((out.required as string[]).length === 0) delete out.required;
      if (part) parts.push(part);
    }
    if (Array.isArray(out.allOf)) {
      const shaped = parts.filter((part) => isObject(part) && !shapeless(part) && !openObject(part));
      const kept = parts.flatMap((part): unknown[] => {
        // Beside parts that give the shape, "any object" adds nothing but an index signature.
        if (isObject(part) && openObject(part) && shaped.length > 0) return [];
        if (!isObject(part) || typeof part.$ref === "string" || !shapeless(part)) return [part];
        const typed = requiredPart(requiredOf(part), out);
        return typed ? [typed] : [];
      });
      if (kept.length) out.allOf = kept.map((part) => viewIn(part, out, depth));
      else delete out.allOf;
    }
    for (const key of ["anyOf", "oneOf"] as const) {
      if (!Array.isArray(out[key])) continue;
      const branches = (out[key] as unknown[]).flatMap((branch): unknown[] => {
        if (!isObject(branch) || typeof branch.$ref === "string") return [branch];
        if (Object.keys(branch).length === 0) return [{ type: "object" }];
        if (!shapeless(branch)) return [viewIn(branch, out, depth)];
        const typed = requiredPart(requiredOf(branch), scopeOf(node));
        return typed ? [view(typed, depth + 1)] : [];
      });
      if (branches.length) out[key] = branches;
      else delete out[key];
    }
    if (isObject(out.properties))
      out.properties = Object.fromEntries(Object.entries(out.properties).map(([k, v]) => [k, view(v, depth + 1)]));
    for (const key of ["items", "additionalProperties", "not"] as const)
      if (isObject(out[key])) out[key] = view(out[key], depth + 1);
    return out;
  };

  /** Branches and parts are viewed in the scope of the schema they belong to. */
  const scopes = new WeakMap<object, unknown>();
  const scopeOf = (node: JsonObject): unknown => scopes.get(node) ?? node;
  const viewIn = (part: unknown, scope: unknown, depth: number): unknown => {
    if (isObject(part)) scopes.set(part, scope);
    return view(part, depth + 1);
  };

  return view(schema, 0);
}
