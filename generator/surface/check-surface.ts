// Checks an api.json read from disk before it is compared, so a damaged or
// foreign file stops api-diff with the place of the problem instead of a
// TypeError from deep inside the comparison.
import { SURFACE_FORMAT, type Surface } from "./types.ts";

export class SurfaceFileError extends Error {
  override name = "SurfaceFileError";
}

type Json = Record<string, unknown>;

const PRIMITIVES = new Set(["string", "integer", "number", "boolean", "null", "unknown"]);
const SIDES = new Set(["request", "response", "both"]);
const KINDS = new Set(["json", "text", "binary", "none", "never"]);
const ALIAS_KINDS = new Set(["function", "type", "method"]);

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === "string");

/** What is wrong with a type description, as [where, problem]; `inner` checks the types it contains. */
function typeProblem(
  t: unknown,
  where: string,
  inner: (t: unknown, where: string) => void,
): [string, string] | undefined {
  if (typeof t === "string") return PRIMITIVES.has(t) ? undefined : [where, `unknown type ${JSON.stringify(t)}`];
  if (!isObject(t)) return [where, "not a type description"];
  if ("object" in t) {
    if (!isObject(t.object)) return [`${where}.object`, "must be an object of fields"];
    for (const [name, field] of Object.entries(t.object)) inner(field, `${where}.${name}`);
    for (const key of ["required", "deprecated"])
      if (t[key] !== undefined && !isStrings(t[key])) return [`${where}.${key}`, "must be a list of field names"];
    if (t.additional !== undefined) inner(t.additional, `${where}[key]`);
    return undefined;
  }
  const keys = Object.keys(t);
  const value = t[keys[0]!];
  if (keys.length !== 1) return [where, "not a type description"];
  if (keys[0] === "ref" && typeof value === "string") return undefined;
  if (keys[0] === "enum" && Array.isArray(value)) return undefined;
  if (keys[0] === "nullable") inner(value, where);
  else if (keys[0] === "array") inner(value, `${where}[]`);
  else if ((keys[0] === "oneOf" || keys[0] === "allOf") && Array.isArray(value))
    for (const [i, member] of value.entries()) inner(member, `${where}.${keys[0]}[${i}]`);
  else return [where, "not a type description"];
  return undefined;
}

export function checkSurface(json: unknown, file: string): Surface {
  const fail = (where: string, problem: string): never => {
    throw new SurfaceFileError(`${file}: ${where ? `${where}: ` : ""}${problem}`);
  };
  if (!isObject(json)) return fail("", "not an API surface (expected a JSON object)");
  if (json.format !== SURFACE_FORMAT)
    fail(
      "format",
      `is ${JSON.stringify(json.format)}, but this api-diff reads format ${SURFACE_FORMAT}; regenerate it with this generator`,
    );
  if (!isStrings(json.exports)) fail("exports", "must be a list of names");
  const api = json.api;
  if (!isObject(api) || typeof api.title !== "string" || typeof api.version !== "string")
    fail("api", "must have a title and a version");
  const type = (t: unknown, where: string): void => {
    const problem = typeProblem(t, where, type);
    if (problem) fail(problem[0], problem[1]);
  };
  const record = (value: unknown, where: string, each: (item: Json, at: string) => void) => {
    if (!isObject(value)) return fail(where, "must be an object");
    for (const [name, item] of Object.entries(value)) {
      if (!isObject(item)) fail(`${where}.${name}`, "must be an object");
      each(item as Json, `${where}.${name}`);
    }
  };
  const string = (item: Json, key: string, at: string) => {
    if (typeof item[key] !== "string") fail(`${at}.${key}`, "must be a string");
  };
  record(json.operations, "operations", (op, at) => {
    for (const key of ["operationId", "method", "http"]) string(op, key, at);
    if (op.path !== undefined) {
      if (!Array.isArray(op.path)) fail(`${at}.path`, "must be a list");
      (op.path as unknown[]).forEach((p, i) => {
        if (!isObject(p) || typeof p.name !== "string") fail(`${at}.path[${i}]`, "must have a name and a type");
        type((p as Json).type, `${at}.path[${i}].type`);
      });
    }
    for (const location of ["query", "headers"])
      if (op[location] !== undefined) record(op[location], `${at}.${location}`, (p, where) => type(p.type, where));
    if (op.body !== undefined) {
      const body = op.body;
      if (!isObject(body) || (body.mode !== "fields" && body.mode !== "body")) fail(`${at}.body`, "needs a mode");
      type((body as Json).type, `${at}.body.type`);
    }
    const response = op.response;
    if (!isObject(response) || !KINDS.has(response.kind as string)) return fail(`${at}.response`, "needs a kind");
    if (response.type !== undefined) type(response.type, `${at}.response.type`);
    if (op.types !== undefined && (!isObject(op.types) || !Object.values(op.types).every((t) => typeof t === "string")))
      fail(`${at}.types`, "must map roles to type names");
  });
  if (!isObject(json.resources) || !Object.values(json.resources).every((c) => typeof c === "string"))
    fail("resources", "must map client properties to class names");
  record(json.models, "models", (model, at) => {
    string(model, "resource", at);
    if (!SIDES.has(model.side as string)) fail(`${at}.side`, "must be request, response or both");
    type(model.type, `${at}.type`);
  });
  record(json.waiters, "waiters", (w, at) => {
    string(w, "operation", at);
    string(w, "path", at);
    if (!isStrings(w.success)) fail(`${at}.success`, "must be a list of states");
    if (w.failure !== undefined && !isStrings(w.failure)) fail(`${at}.failure`, "must be a list of states");
  });
  record(json.aliases, "aliases", (alias, at) => {
    if (!ALIAS_KINDS.has(alias.kind as string)) fail(`${at}.kind`, "must be function, type or method");
    string(alias, "target", at);
  });
  return json as unknown as Surface;
}
