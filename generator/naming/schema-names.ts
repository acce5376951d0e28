// Readable names for schemas that the spec only identifies by location
// ("#/paths/~1v2~1droplets/get/responses/200/.../droplets/items"). A name is
// read off the location: the property that holds the schema (singular for
// array items), the tag value of a union member, or the operation for a whole
// body. Anything the rules name badly is overridden as data in spec/.
import { BUNDLED_SCHEMAS } from "../openapi.ts";
import { getAt } from "../pointer.ts";
import { pascalCase, singularPhrase, splitWords } from "./words.ts";

type Json = Record<string, unknown>;
const COMPOSITION = new Set(["allOf", "oneOf", "anyOf"]);

function asObject(value: unknown): Json | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Json) : undefined;
}

/** A `title` that already reads as a type name ("AppSpec"), not a sentence. */
function titleWords(schema: Json | undefined): string[] | undefined {
  const title = schema?.title;
  return typeof title === "string" && /^[A-Z][A-Za-z0-9]*$/.test(title) ? splitWords(title) : undefined;
}

/** The single constant value a union member is tagged with (`type: { enum: ["resize"] }`). */
function tagValue(schema: Json | undefined): string | undefined {
  for (const key of ["type", "kind"]) {
    const prop = asObject(asObject(schema?.properties)?.[key]);
    const values = Array.isArray(prop?.enum) ? prop.enum : prop?.const !== undefined ? [prop.const] : [];
    if (values.length === 1 && typeof values[0] === "string") return values[0];
  }
  return undefined;
}

/** Words naming the operation that owns `tokens` ("/paths/<path>/<method>/..."). */
export function operationWords(doc: unknown, tokens: readonly string[]): string[] {
  if (tokens[0] !== "paths" || tokens.length < 3) return [];
  const op = asObject(getAt(doc, tokens.slice(0, 3)));
  if (typeof op?.operationId === "string") return splitWords(op.operationId);
  return [...splitWords(tokens[1]!), tokens[2]!];
}

/**
 * Words for the schema at `tokens`, most specific first: the rule for its
 * immediate location, falling back to the enclosing location's words.
 */
export function schemaWords(doc: unknown, tokens: readonly string[]): string[] {
  // A multi-file spec's shared schema: the name its authors gave the file or fragment.
  if (tokens[0] === BUNDLED_SCHEMAS && tokens.length === 2) return splitWords(tokens[1]!);
  const schema = asObject(getAt(doc, tokens));
  const fromTitle = titleWords(schema);
  if (fromTitle) return fromTitle;
  const last = tokens[tokens.length - 1];
  const parentKey = tokens[tokens.length - 2];
  if (last === undefined) return ["schema"];
  if (last === "items") return singularPhrase(schemaWords(doc, tokens.slice(0, -1)));
  if (last === "additionalProperties") return [...schemaWords(doc, tokens.slice(0, -1)), "value"];
  if (parentKey === "properties") return splitWords(last);
  if (parentKey !== undefined && COMPOSITION.has(parentKey)) {
    const owner = schemaWords(doc, tokens.slice(0, -2));
    const tag = tagValue(schema);
    if (tag) return [...owner, ...splitWords(tag)];
    const props = Object.keys(asObject(schema?.properties) ?? {});
    if (props.length === 1 && parentKey === "allOf") return splitWords(props[0]!);
    return [...owner, last === "0" && parentKey === "allOf" ? "base" : `variant${last}`];
  }
  if (last === "schema") {
    const ops = operationWords(doc, tokens);
    const responseAt = tokens.indexOf("responses");
    if (tokens.includes("requestBody")) return [...ops, "request"];
    if (responseAt >= 0) return /^2/.test(tokens[responseAt + 1] ?? "") ? [...ops, "response"] : ["error"];
    if (tokens.includes("parameters")) {
      const param = asObject(getAt(doc, tokens.slice(0, -1)));
      return splitWords(typeof param?.name === "string" ? param.name : "parameter");
    }
    return schemaWords(doc, tokens.slice(0, -1));
  }
  if (tokens[0] === "components" && tokens[1] === "schemas" && tokens.length === 3) return splitWords(last);
  return schemaWords(doc, tokens.slice(0, -1));
}

/** The schema name candidates for a location, in order of preference. */
export function schemaNameCandidates(doc: unknown, tokens: readonly string[], enclosing?: string): string[] {
  const own = pascalCase(schemaWords(doc, tokens));
  const candidates = [own];
  if (enclosing && !own.startsWith(enclosing)) candidates.push(enclosing + own);
  const resource = pascalCase(
    singularPhrase(splitWords((tokens[1] ?? "").replace(/^\/v\d+\//, "").split("/")[0] ?? "")),
  );
  if (tokens[0] === "paths" && resource && !own.startsWith(resource)) candidates.push(resource + own);
  const op = pascalCase(operationWords(doc, tokens));
  if (op) candidates.push(op + own);
  return candidates;
}
