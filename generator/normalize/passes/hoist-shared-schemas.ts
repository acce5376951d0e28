// Quirk: the pinned spec has no `components.schemas`. Every shared schema is
// defined inline in some operation and reached by `$ref`s into that operation
// (2,798 refs; about 143 distinct schema targets: the Droplet shape is defined
// under droplets_list and referenced from 10 other operations). DigitalOcean's
// own multi-file spec shares schemas between files instead, which the loader
// gathers under `#/x-bundled-schemas/<origin name>` (load/bundle.ts). This pass
// moves each shared object, union or enum schema into `components.schemas`
// under a readable name and points every ref (and discriminator mapping) at it,
// so each model is declared once. Shared primitives (a plain string, an id) are
// copied in place instead: a named alias for `string` only adds noise.
// A schema is shared when some `$ref` or discriminator mapping points at it.
// Names come from what the spec's authors chose: the origin name of a
// multi-file spec's schema (its file or fragment). A schema with no name of its
// own (the single-file spec's inline ones) is named by spec/model-names.json
// when listed there (keys are pointers to where a schema is used, followed
// through `$ref`s, so an entry survives a change of layout), else from its
// location (naming/schema-names.ts). The name registry settles clashes.
import type { NormalizePass, PassContext } from "../pass.ts";
import type { OpenApiDocument } from "../../openapi.ts";
import { BUNDLED_SCHEMAS } from "../../openapi.ts";
import { followPointer, formatPointer, getAt, parsePointer, setAt } from "../../pointer.ts";
import { NameRegistry } from "../../naming/registry.ts";
import { schemaNameCandidates } from "../../naming/schema-names.ts";
import { visitObjects } from "../walk.ts";

/** Overrides from spec/model-names.json: canonical JSON pointer -> model name. */
export type ModelNameOverrides = Readonly<Record<string, string>>;

type Json = Record<string, unknown>;
const SCHEMA_PREFIX = "#/components/schemas/";

function isSchemaLocation(tokens: readonly string[]): boolean {
  return (
    tokens.includes("schema") ||
    tokens[0] === BUNDLED_SCHEMAS ||
    (tokens[0] === "components" && tokens[1] === "schemas")
  );
}

/** Objects, compositions and enums earn a name; plain primitives are copied. */
function deservesName(schema: Json): boolean {
  if (typeof schema.$ref === "string") return false;
  if (schema.properties || schema.allOf || schema.oneOf || schema.anyOf || schema.enum) return true;
  if (schema.type === "object") return true;
  const items = schema.items as Json | undefined;
  return schema.type === "array" && !!items && typeof items === "object" && deservesName(items);
}

/**
 * The schemas spec/model-names.json names, by canonical pointer. Each kind of
 * key serves one layout: an entry for a multi-file spec's origin name has
 * nothing to name in a single-file spec, and a use-site entry never renames a
 * schema its authors named (nor is it stale where another layout's operation
 * is gone). An entry for a location this spec lacks is noted (the table serves
 * several versions); one that leads to something other than a shared schema
 * is a mistake, and warned about.
 */
function resolveOverrides(
  doc: Json,
  overrides: ModelNameOverrides,
  shared: ReadonlySet<string>,
  ctx: PassContext,
): Map<string, string> {
  const multiFile = doc[BUNDLED_SCHEMAS] !== undefined;
  const byOrigin = (key: string) => key.startsWith(`#/${BUNDLED_SCHEMAS}/`);
  const found = new Map<string, { name: string; key: string }>();
  const absent: string[] = [];
  for (const [key, name] of Object.entries(overrides).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (byOrigin(key) && !multiFile) continue;
    const at = followPointer(doc, parsePointer(key));
    if (!at && multiFile && !byOrigin(key)) continue;
    if (at && at[0] === BUNDLED_SCHEMAS && !byOrigin(key)) continue;
    const pointer = at && formatPointer(at);
    // An origin schema that nothing shares any more (an overlay re-pointed its uses) needs no name.
    if (pointer && byOrigin(key) && at.length === 2 && !shared.has(pointer)) continue;
    if (!pointer) {
      // One table serves every version: a location this spec does not have is worth a note, not a warning.
      absent.push(byOrigin(key) ? key.slice(BUNDLED_SCHEMAS.length + 3) : key);
      continue;
    }
    if (!shared.has(pointer)) {
      ctx.warn(`spec/model-names.json names a location that is not a shared schema: ${key}`);
      continue;
    }
    const earlier = found.get(pointer);
    if (earlier && earlier.name !== name)
      ctx.warn(
        `spec/model-names.json names one schema twice: ${earlier.key} (${earlier.name}) and ${key} (${name}); ${earlier.name} wins`,
        pointer,
      );
    if (!earlier) found.set(pointer, { name, key });
  }
  if (absent.length) {
    ctx.note(`spec/model-names.json names ${absent.length} schemas this spec does not have`);
    ctx.detail(`spec/model-names.json names schemas this spec does not have: ${absent.join(", ")}`);
  }
  return new Map([...found].map(([pointer, { name }]) => [pointer, name]));
}

export function hoistSharedSchemas(overrides: ModelNameOverrides = {}): NormalizePass {
  return {
    name: "hoist-shared-schemas",
    run(input, ctx) {
      const doc = structuredClone(input) as OpenApiDocument & Json;
      const existing = (doc.components?.schemas ?? {}) as Record<string, unknown>;

      // 1. Every internal ref target that is a schema outside components.schemas.
      const targets = new Map<string, string[]>();
      const uses = new Map<string, number>();
      const note = (ref: unknown) => {
        if (typeof ref !== "string" || !ref.startsWith("#/") || ref.startsWith(SCHEMA_PREFIX)) return;
        const tokens = parsePointer(ref);
        if (!isSchemaLocation(tokens)) return;
        const pointer = formatPointer(tokens);
        targets.set(pointer, tokens);
        uses.set(pointer, (uses.get(pointer) ?? 0) + 1);
      };
      visitObjects(doc, (node) => {
        note(node.$ref);
        // A member a discriminator maps a tag to is shared too: the mapping must keep pointing at it.
        // A mapping may name the member where it is used (`.../oneOf/2`); what counts is the schema it reaches.
        const mapping = (node.discriminator as Json | undefined)?.mapping as Record<string, unknown> | undefined;
        if (!mapping || typeof mapping !== "object") return;
        for (const [key, value] of Object.entries(mapping)) {
          if (typeof value !== "string" || !value.startsWith("#/")) continue;
          const at = followPointer(doc, parsePointer(value));
          if (at) mapping[key] = formatPointer(at);
          note(mapping[key]);
        }
      });

      // 2. Name the ones that deserve it. The most used schema claims a
      //    contested name first, then the shallowest; the pointer breaks ties.
      const order = [...targets.entries()].sort(
        ([a, ta], [b, tb]) => uses.get(b)! - uses.get(a)! || ta.length - tb.length || (a < b ? -1 : a > b ? 1 : 0),
      );
      const registry = new NameRegistry(Object.keys(existing));
      const named = new Map<string, string>();
      const nameOf = (tokens: readonly string[]): string | undefined => {
        for (let i = tokens.length - 1; i > 0; i--) {
          const hit = named.get(formatPointer(tokens.slice(0, i)));
          if (hit) return hit;
        }
        return undefined;
      };
      const copies = new Map<string, unknown>();
      const deserving: [string, string[]][] = [];
      for (const [pointer, tokens] of order) {
        const schema = getAt(doc, tokens);
        if (!schema || typeof schema !== "object") {
          ctx.warn(`$ref target does not exist: ${pointer}`, pointer);
        } else if (deservesName(schema as Json)) {
          deserving.push([pointer, tokens]);
        } else {
          copies.set(pointer, structuredClone(schema));
        }
      }
      // Names given as data are claimed before any derived name can take them.
      const overridden = resolveOverrides(doc, overrides, new Set(deserving.map(([p]) => p)), ctx);
      for (const [pointer] of deserving) {
        const name = overridden.get(pointer);
        if (name !== undefined) named.set(pointer, registry.claim([name], pointer));
      }
      for (const [pointer, tokens] of deserving) {
        if (!named.has(pointer))
          named.set(pointer, registry.claim(schemaNameCandidates(doc, tokens, nameOf(tokens)), pointer));
      }

      // 3. Move each named schema into components, deepest first so an outer
      //    schema carries refs to the inner ones it contains.
      const schemas: Record<string, unknown> = { ...existing };
      const deepestFirst = [...named.entries()].sort(
        ([a], [b]) => parsePointer(b).length - parsePointer(a).length || (a < b ? -1 : 1),
      );
      for (const [pointer, name] of deepestFirst) {
        const tokens = parsePointer(pointer);
        schemas[name] = getAt(doc, tokens);
        setAt(doc, tokens, { $ref: SCHEMA_PREFIX + name });
        ctx.fixed(`hoisted ${name}`, pointer);
      }

      // 4. Re-point refs: named targets to components, primitives copied in place
      //    (keeping any keywords written next to the $ref, such as a description).
      const repoint = (node: Json) => {
        // A copied primitive may itself be a ref to another target: repeat until settled.
        for (let hops = 0; typeof node.$ref === "string" && hops < 64; hops++) {
          if (!node.$ref.startsWith("#/") || node.$ref.startsWith(SCHEMA_PREFIX)) return;
          const pointer = formatPointer(parsePointer(node.$ref));
          const name = named.get(pointer);
          if (name) {
            node.$ref = SCHEMA_PREFIX + name;
            return;
          }
          const copy = copies.get(pointer);
          if (copy === undefined) return;
          const { $ref: _ref, ...siblings } = node;
          for (const key of Object.keys(node)) delete node[key];
          Object.assign(node, structuredClone(copy), siblings);
        }
      };
      const rewrite = (root: unknown) => visitObjects(root, repoint);
      doc.components = { ...(doc.components ?? {}), schemas: schemas as never };
      rewrite(doc);
      // What is left of the loader's section is the primitives, now copied where they were used.
      delete doc[BUNDLED_SCHEMAS];

      // 5. Discriminator mappings that pointed at a hoisted location.
      visitObjects(doc, (node) => {
        const mapping = (node.discriminator as Json | undefined)?.mapping as Record<string, string> | undefined;
        if (!mapping || typeof mapping !== "object") return;
        for (const [key, value] of Object.entries(mapping)) {
          const name =
            typeof value === "string" && value.startsWith("#/")
              ? named.get(formatPointer(parsePointer(value)))
              : undefined;
          if (name) mapping[key] = SCHEMA_PREFIX + name;
        }
      });
      return doc;
    },
  };
}
