// Input checks the OpenAPI validator does not make. swagger-parser checks an
// OpenAPI 3 document only against the JSON Schema of the format, so it lets
// through duplicate operationIds and path templates without their parameters,
// reports an unknown parameter location as a screenful of oneOf noise, and
// names a broken $ref without saying where the $ref is (read-files.ts checks
// refs as it reads). Each check here returns problems that name the file and
// the JSON pointer of the offending node.
import { HOSTLESS_SERVER, RUN_TIME_PATH } from "../openapi.ts";
import { formatPointer, getAt, parsePointer } from "../pointer.ts";

export interface SpecProblem {
  message: string;
  file: string;
  pointer: string;
}

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const LOCATIONS = ["path", "query", "header", "cookie"];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Checks a bundled (single-document) spec before schema validation. Defensive
 * about shape: anything it does not understand is left to the validator.
 */
export function checkDocument(doc: unknown, file: string): SpecProblem[] {
  const problems: SpecProblem[] = [];
  const at = (tokens: string[], message: string) => problems.push({ message, file, pointer: formatPointer(tokens) });
  if (!isObject(doc)) return problems;
  const paths = isObject(doc.paths) ? doc.paths : {};
  const seenIds = new Map<string, string[]>();
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    const shared = checkParameters(item.parameters, ["paths", path, "parameters"], at);
    for (const method of METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      const here = ["paths", path, method];
      if (typeof op.operationId === "string") {
        const first = seenIds.get(op.operationId);
        if (first)
          at([...here, "operationId"], `duplicate operationId "${op.operationId}" (also at ${formatPointer(first)})`);
        else seenIds.set(op.operationId, [...here, "operationId"]);
      }
      const own = checkParameters(op.parameters, [...here, "parameters"], at);
      const server = ((op.servers ?? item.servers) as { url?: unknown }[] | undefined)?.[0]?.url;
      if (checkTarget(path, typeof server === "string" ? server : undefined, here, at))
        checkPathTemplate(path, [...shared, ...own], doc, here, at);
    }
  }
  const components = isObject(doc.components) && isObject(doc.components.parameters) ? doc.components.parameters : {};
  for (const [name, parameter] of Object.entries(components))
    checkParameter(parameter, ["components", "parameters", name], at);
  return problems;
}

type Report = (tokens: string[], message: string) => void;

/** Checks each inline parameter; returns all of them (refs included) for the path-template check. */
function checkParameters(list: unknown, tokens: string[], at: Report): unknown[] {
  if (!Array.isArray(list)) return [];
  for (const [i, parameter] of list.entries()) checkParameter(parameter, [...tokens, String(i)], at);
  return list;
}

function checkParameter(parameter: unknown, tokens: string[], at: Report): void {
  if (!isObject(parameter) || typeof parameter.$ref === "string") return;
  if (!LOCATIONS.includes(parameter.in as string)) {
    at(
      [...tokens, "in"],
      `unknown parameter location ${JSON.stringify(parameter.in)} (want one of ${LOCATIONS.join(", ")})`,
    );
  }
  // fetch refuses such a name at run time, so every call of the operation would fail.
  if (
    parameter.in === "header" &&
    typeof parameter.name === "string" &&
    !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(parameter.name)
  ) {
    at([...tokens, "name"], `header parameter name ${JSON.stringify(parameter.name)} is not a valid HTTP header name`);
  }
}

/** Literal segments and `{name}` placeholders: what the SDK can fill in. */
const READABLE_PATH = /^(?:\/(?:[^{}<>/]|\{[^{}<>/]+\})*)+$/;

/**
 * A path the SDK cannot read would become silently wrong code, so it stops
 * generation here: a template is literal segments and `{name}`s, or, with a
 * server that has no host, `/<name>` for a URL given at run time. Returns
 * whether the path is a template (so its placeholders can be checked).
 */
function checkTarget(path: string, server: string | undefined, here: string[], at: Report): boolean {
  const hostless = server !== undefined && HOSTLESS_SERVER.test(server);
  if (RUN_TIME_PATH.test(path)) {
    if (!hostless)
      at(
        here,
        `path ${path} names a URL given at run time, but the operation's server ${server ?? "(the document's)"} has a host`,
      );
    return false;
  }
  if (hostless)
    at(
      here,
      `the operation's server ${server} has no host, so its path must be /<name> (a URL given at run time), not ${path}`,
    );
  else if (!READABLE_PATH.test(path))
    at(here, `path template ${path} is not literal segments and {name} placeholders, so the SDK cannot fill it in`);
  return true;
}

/** Every `{name}` in the path needs a path parameter, or the SDK could not fill it. */
function checkPathTemplate(path: string, parameters: unknown[], doc: unknown, here: string[], at: Report): void {
  const declared = new Set<string>();
  for (const p of parameters) {
    const parameter = isObject(p) && typeof p.$ref === "string" ? getAt(doc, parsePointer(p.$ref)) : p;
    if (isObject(parameter) && parameter.in === "path" && typeof parameter.name === "string")
      declared.add(parameter.name);
  }
  for (const [, name] of path.matchAll(/\{([^}]*)\}/g)) {
    if (!declared.has(name!))
      at(here, `path template ${path} has {${name}} but the operation declares no path parameter "${name}"`);
  }
}
