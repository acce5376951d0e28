// Joins a spec made of many files into one document, keeping what its authors
// chose. DigitalOcean's own spec is ~2,000 YAML files: operations, responses
// and parameters in per-resource files, schemas in `models/*.yml` (one per file,
// or several as fragments: `droplet_actions.yml#/droplet_action_restore`).
// A generic bundler parks each shared schema wherever it first met it (under
// some operation's `oneOf/3`), so names and refs would depend on that accident.
// Instead:
// - a `$ref` to another file in a schema position becomes a ref into
//   `#/x-bundled-schemas/<origin name>`, where the origin name is the fragment
//   (`droplet_action_restore`) or the file's name (`droplet`). The naming pass
//   later turns shared ones into models and copies single-use ones back in place,
//   exactly as for a single-file spec's refs;
// - a `$ref` to another file anywhere else (operations, responses, parameters,
//   headers, examples, even a description) is replaced by its content: those
//   have no model of their own;
// - discriminator mappings that name files (`models/x.yml#/y`, relative to the
//   file the mapping is in) point at the bundled schema;
// - the entry file's own refs (`#/components/...`, `#/paths/...`) stay as written.
// A single-file spec comes out unchanged.
import { basename } from "node:path";
import { escapeToken, formatPointer, getAt } from "../pointer.ts";
import { BUNDLED_SCHEMAS, type OpenApiDocument } from "../openapi.ts";
import { SpecError } from "./spec-error.ts";
import { refTarget, type SpecFiles } from "./read-files.ts";
import { originNames, type Origin } from "./origin-names.ts";

type Json = Record<string, unknown>;
type Kind =
  | "document"
  | "components"
  | "pathItem"
  | "operation"
  | "parameter"
  | "requestBody"
  | "response"
  | "mediaType"
  | "schema"
  | "callback"
  | "any"
  | "raw";

const METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);
const COMPONENT_KINDS: Readonly<Record<string, Kind>> = {
  schemas: "schema",
  parameters: "parameter",
  headers: "parameter",
  requestBodies: "requestBody",
  responses: "response",
  callbacks: "callback",
  pathItems: "pathItem",
};

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** What each key of an object of `kind` holds: a kind for the value, or a map/list of that kind. */
function childKind(kind: Kind, key: string, value: unknown): { kind: Kind; each?: "map" | "list" } {
  switch (kind) {
    case "document":
      if (key === "paths" || key === "webhooks") return { kind: "pathItem", each: "map" };
      if (key === "components") return { kind: "components" };
      return { kind: "any" };
    case "components":
      return COMPONENT_KINDS[key] ? { kind: COMPONENT_KINDS[key], each: "map" } : { kind: "any" };
    case "pathItem":
      if (METHODS.has(key)) return { kind: "operation" };
      if (key === "parameters") return { kind: "parameter", each: "list" };
      return { kind: "any" };
    case "operation":
      if (key === "parameters") return { kind: "parameter", each: "list" };
      if (key === "requestBody") return { kind: "requestBody" };
      if (key === "responses") return { kind: "response", each: "map" };
      if (key === "callbacks") return { kind: "callback", each: "map" };
      return { kind: "any" };
    case "callback":
      return { kind: "pathItem" };
    case "parameter":
    case "mediaType":
      if (key === "schema") return { kind: "schema" };
      if (key === "content") return { kind: "mediaType", each: "map" };
      return { kind: "any" };
    case "requestBody":
    case "response":
      if (key === "content") return { kind: "mediaType", each: "map" };
      if (key === "headers") return { kind: "parameter", each: "map" };
      return { kind: "any" };
    case "schema":
      if (key === "properties" || key === "patternProperties") return { kind: "schema", each: "map" };
      if (key === "allOf" || key === "anyOf" || key === "oneOf") return { kind: "schema", each: "list" };
      if (key === "items" || key === "not") return { kind: "schema", each: Array.isArray(value) ? "list" : undefined };
      if (key === "additionalProperties") return { kind: isObject(value) ? "schema" : "raw" };
      // Example values are data, but authors share them by `$ref` too (`example: {$ref: examples.yml#/x}`):
      // those are written in place like any other non-schema ref.
      if (key === "example" || key === "examples" || key === "default") return { kind: "any" };
      if (key === "enum" || key === "const") return { kind: "raw" };
      return { kind: "any" };
    default:
      return { kind: kind === "raw" ? "raw" : "any" };
  }
}

export interface Bundled {
  doc: OpenApiDocument;
  /** Origin name -> where the schema came from ("resources/droplets/models/droplet.yml"), for messages. */
  origins: ReadonlyMap<string, string>;
}

export function bundleSpec({ entry, files }: SpecFiles): Bundled {
  const collected = collectSchemaOrigins(entry, files);
  // Shared: named in two places or more (a discriminator mapping counts), as a
  // single-file spec's ref targets are; a schema named once stays where it is used.
  const shared = collected.filter((o) => o.uses + (o.mapped ? 1 : 0) >= 2);
  const names = originNames(shared, entry, (o) => originId(o.file, o.tokens));
  const bundledSchemas: Json = {};
  const inProgress: string[] = [];
  const relative = (file: string) => file.slice(commonDir(entry).length + 1);

  const fail = (file: string, tokens: readonly string[], message: string): never => {
    throw new SpecError(message, file, formatPointer(tokens));
  };

  const resolve = (file: string, tokens: readonly string[], site: readonly string[]) =>
    followToNode(files, file, tokens) ?? fail(file, [...site, "$ref"], "$ref target does not exist");

  /** A ref to a shared schema points into the origin section; a schema used once is written in place. */
  const schemaRef = (target: Resolved, site: readonly string[]): unknown => {
    const id = originId(target.file, target.tokens);
    const name = names.get(id);
    if (name === undefined) return inline(target, "schema", site);
    if (!(name in bundledSchemas)) {
      bundledSchemas[name] = {}; // claimed before descending, so recursive schemas terminate
      bundledSchemas[name] = walk(target.node, "schema", target.file, target.tokens);
    }
    return { $ref: `#/${BUNDLED_SCHEMAS}/${escapeToken(name)}` };
  };

  const inline = (target: Resolved, kind: Kind, site: readonly string[]): unknown => {
    const id = originId(target.file, target.tokens);
    if (inProgress.includes(id)) fail(target.file, [...site, "$ref"], `$ref cycle through ${relative(target.file)}`);
    inProgress.push(id);
    const content = walk(target.node, kind, target.file, target.tokens);
    inProgress.pop();
    return content;
  };

  const walkRef = (node: Json, kind: Kind, file: string, tokens: readonly string[]): unknown => {
    const ref = node.$ref as string;
    const { $ref: _ref, ...siblings } = node;
    const rest = walkObject(siblings, kind, file, tokens);
    const target = refTarget(file, ref);
    // The entry file's own refs stay as written; a ref from another file into the entry becomes a local one.
    if (target.file === entry)
      return { $ref: file === entry && ref.startsWith("#") ? ref : formatPointer(target.tokens), ...rest };
    const resolved = resolve(target.file, target.tokens, tokens);
    const content = kind === "schema" ? schemaRef(resolved, tokens) : inline(resolved, kind, tokens);
    return isObject(content) ? { ...content, ...rest } : content;
  };

  const walkMapping = (mapping: Json, file: string): Json => {
    const out: Json = {};
    for (const [value, target] of Object.entries(mapping)) {
      out[value] = target;
      if (typeof target !== "string" || !/[/#]/.test(target)) continue; // a bare schema name
      const at = refTarget(file, target);
      if (at.file === entry) {
        if (file !== entry) out[value] = formatPointer(at.tokens);
      } else {
        const resolved = followToNode(files, at.file, at.tokens);
        const name = resolved && names.get(originId(resolved.file, resolved.tokens));
        if (resolved && name !== undefined) out[value] = (schemaRef(resolved, []) as Json).$ref;
      }
      // Otherwise left as written: drop-broken-discriminator-mappings reports it.
    }
    return out;
  };

  const walkObject = (node: Json, kind: Kind, file: string, tokens: readonly string[]): Json => {
    const out: Json = {};
    for (const [key, value] of Object.entries(node)) {
      const child = childKind(kind, key, value);
      const at = [...tokens, key];
      let result: unknown;
      if (kind === "schema" && key === "discriminator" && isObject(value) && isObject(value.mapping)) {
        result = { ...value, mapping: walkMapping(value.mapping, file) };
      } else if (child.each) {
        result = walkCollection(value, child.kind, child.each, file, at);
      } else {
        result = walk(value, child.kind, file, at);
      }
      // defineProperty: a property named "__proto__" must stay a property.
      Object.defineProperty(out, key, { value: result, enumerable: true, writable: true, configurable: true });
    }
    return out;
  };

  /** A map or list of `kind` (properties, parameters, ...); the whole collection may itself be a `$ref` (`properties: {$ref: attributes.yml#/x}`). */
  function walkCollection(
    value: unknown,
    kind: Kind,
    each: "map" | "list",
    file: string,
    tokens: readonly string[],
  ): unknown {
    if (isObject(value) && typeof value.$ref === "string" && refTarget(file, value.$ref).file !== entry) {
      const target = refTarget(file, value.$ref);
      const resolved = resolve(target.file, target.tokens, tokens);
      const id = originId(resolved.file, resolved.tokens);
      if (inProgress.includes(id)) fail(file, [...tokens, "$ref"], `$ref cycle through ${relative(resolved.file)}`);
      inProgress.push(id);
      const content = walkCollection(resolved.node, kind, each, resolved.file, resolved.tokens);
      inProgress.pop();
      return content;
    }
    if (each === "map" && isObject(value))
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, walk(v, kind, file, [...tokens, k])] as const),
      );
    if (each === "list" && Array.isArray(value))
      return value.map((v, i) => walk(v, kind, file, [...tokens, String(i)]));
    return walk(value, kind, file, tokens);
  }

  function walk(node: unknown, kind: Kind, file: string, tokens: readonly string[]): unknown {
    if (kind === "raw") return structuredClone(node);
    if (Array.isArray(node)) return node.map((v, i) => walk(v, kind, file, [...tokens, String(i)]));
    if (!isObject(node)) return node;
    if (typeof node.$ref === "string") return walkRef(node, kind, file, tokens);
    return walkObject(node, kind, file, tokens);
  }

  const doc = walk(files.get(entry), "document", entry, []) as Json;
  if (Object.keys(bundledSchemas).length > 0) {
    const sorted = Object.fromEntries(
      Object.keys(bundledSchemas)
        .sort()
        .map((k) => [k, bundledSchemas[k]]),
    );
    doc[BUNDLED_SCHEMAS] = sorted;
  }
  const origins = new Map(
    shared.map((o) => [
      names.get(originId(o.file, o.tokens))!,
      relative(o.file) + (o.tokens.length ? formatPointer(o.tokens) : ""),
    ]),
  );
  return { doc: doc as unknown as OpenApiDocument, origins };
}

function originId(file: string, tokens: readonly string[]): string {
  return file + formatPointer(tokens);
}

/** The directory every file of the spec is in: the entry's. */
function commonDir(entry: string): string {
  return entry.slice(0, entry.length - basename(entry).length - 1);
}

/**
 * First pass: every schema another file contributes, with how often it is
 * referenced, so origin names are settled before anything is built (the name a
 * schema gets must not depend on which operation the walk met it in first).
 */
function collectSchemaOrigins(entry: string, files: ReadonlyMap<string, unknown>): Origin[] {
  const into = new Map<string, Origin>();
  const visited = new Set<string>();
  const visit = (node: unknown, kind: Kind, file: string, tokens: readonly string[]): void => {
    if (kind === "raw") return;
    if (Array.isArray(node)) {
      node.forEach((v, i) => {
        visit(v, kind, file, [...tokens, String(i)]);
      });
      return;
    }
    if (!isObject(node)) return;
    if (typeof node.$ref === "string") {
      const target = refTarget(file, node.$ref);
      if (target.file !== entry) {
        const resolved = followToNode(files, target.file, target.tokens);
        if (resolved) {
          const id = originId(resolved.file, resolved.tokens);
          if (kind === "schema") {
            const known = into.get(id);
            if (known) known.uses++;
            else into.set(id, { file: resolved.file, tokens: resolved.tokens, uses: 1 });
          }
          if (!visited.has(`${kind} ${id}`)) {
            visited.add(`${kind} ${id}`);
            visit(resolved.node, kind, resolved.file, resolved.tokens);
          }
        }
      }
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref") continue;
      if (kind === "schema" && key === "discriminator" && isObject(value) && isObject(value.mapping)) {
        for (const target of Object.values(value.mapping)) {
          if (typeof target !== "string" || !/[/#]/.test(target)) continue;
          const at = refTarget(file, target);
          const resolved = at.file === entry ? undefined : followToNode(files, at.file, at.tokens);
          if (!resolved) continue;
          const id = originId(resolved.file, resolved.tokens);
          const known = into.get(id) ?? { file: resolved.file, tokens: resolved.tokens, uses: 0 };
          known.mapped = true;
          into.set(id, known);
        }
        continue;
      }
      const child = childKind(kind, key, value);
      let collection = { value, file, tokens: [...tokens, key] };
      if (child.each && isObject(value) && typeof value.$ref === "string") {
        // The whole map or list is a ref: its entries are what counts.
        const target = refTarget(file, value.$ref);
        const resolved = target.file === entry ? undefined : followToNode(files, target.file, target.tokens);
        if (resolved) collection = { value: resolved.node, file: resolved.file, tokens: resolved.tokens };
      }
      if (child.each === "map" && isObject(collection.value)) {
        for (const [k, v] of Object.entries(collection.value))
          visit(v, child.kind, collection.file, [...collection.tokens, k]);
      } else visit(collection.value, child.kind, collection.file, collection.tokens);
    }
  };
  visit(files.get(entry), "document", entry, []);
  return [...into.values()];
}

interface Resolved {
  file: string;
  tokens: string[];
  node: unknown;
}

/** The node at `tokens` of `file`, following refs met on the way (a pointer may pass through one); undefined when it leads nowhere. */
function followToNode(
  files: ReadonlyMap<string, unknown>,
  file: string,
  tokens: readonly string[],
): Resolved | undefined {
  let at = { file, tokens: [] as string[] };
  let node: unknown = files.get(file);
  for (const token of tokens) {
    for (let hops = 0; isObject(node) && typeof node.$ref === "string"; hops++) {
      if (hops > 32) return undefined;
      at = refTarget(at.file, node.$ref);
      node = getAt(files.get(at.file), at.tokens);
    }
    if (!isObject(node) && !Array.isArray(node)) return undefined;
    node = (node as Json)[token];
    at = { file: at.file, tokens: [...at.tokens, token] };
  }
  return node === undefined ? undefined : { ...at, node };
}
