// Input checks the OpenAPI validator does not make. swagger-parser checks an
// OpenAPI 3 document only against the JSON Schema of the format, so it lets
// through duplicate operationIds and path templates without their parameters,
// reports an unknown parameter location as a screenful of oneOf noise, and
// names a broken $ref without saying where the $ref is; and its parser reads
// a broken .json file as YAML. Each check here returns problems that name the
// file and the JSON pointer of the offending node.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { formatPointer, getAt, parsePointer } from "../pointer.ts";
import { parseSpecText, type Parsed } from "./syntax-errors.ts";

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

/**
 * Reads every file the spec is made of, starting at `rootFile` and following
 * `$ref`s into other files, and returns the first syntax error or `$ref` that
 * does not resolve, located at the `$ref` itself (the bundler only says what
 * it points to, and would read a broken .json file as YAML).
 */
export function checkFiles(rootFile: string): SpecProblem | undefined {
  const cache = new Map<string, Parsed | { ok: false; unreadable: string }>();
  const load = (file: string) => {
    if (!cache.has(file)) {
      let text: string;
      try {
        text = readFileSync(file, "utf8");
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        cache.set(file, {
          ok: false,
          unreadable: code === "ENOENT" ? "the file does not exist" : (error as Error).message,
        });
        return cache.get(file)!;
      }
      cache.set(file, parseSpecText(file, text));
    }
    return cache.get(file)!;
  };
  const visited = new Set<string>();
  const queue: string[] = [resolve(rootFile)];
  while (queue.length) {
    const file = queue.shift()!;
    if (visited.has(file)) continue;
    visited.add(file);
    const parsed = load(file);
    if (!parsed.ok) {
      if ("problem" in parsed)
        return { file, pointer: formatPointer(parsed.problem.tokens), message: parsed.problem.message };
      return undefined; // The root itself is unreadable: readSpecBytes reports that.
    }
    for (const { ref, tokens } of refsIn(parsed.value)) {
      const hash = ref.indexOf("#");
      if (/^[a-z][a-z0-9+.-]+:/i.test(ref)) {
        // A remote part would escape the sha256 pin and need the network.
        return {
          file,
          pointer: formatPointer([...tokens, "$ref"]),
          message: `$ref ${JSON.stringify(ref)} is a URL: a spec must be made of local files`,
        };
      }
      const target = hash === 0 ? file : resolve(dirname(file), hash < 0 ? ref : ref.slice(0, hash));
      const site = { file, pointer: formatPointer([...tokens, "$ref"]) };
      const loaded = target === file ? parsed : load(target);
      if (!loaded.ok && "unreadable" in loaded) {
        return {
          ...site,
          message: `$ref ${JSON.stringify(ref)} points to ${target}, which cannot be read: ${loaded.unreadable}`,
        };
      }
      if (loaded.ok && hash >= 0) {
        const missing = missingToken(loaded.value, parsePointer(ref.slice(hash)));
        if (missing) return { ...site, message: `$ref ${JSON.stringify(ref)} does not resolve: ${missing}` };
      }
      if (target !== file) queue.push(target);
    }
  }
  return undefined;
}

/** Every `$ref` string in a parsed file, with where it sits. */
function* refsIn(node: unknown, tokens: string[] = []): Generator<{ ref: string; tokens: string[] }> {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) yield* refsIn(node[i], [...tokens, String(i)]);
  } else if (isObject(node)) {
    if (typeof node.$ref === "string") yield { ref: node.$ref, tokens };
    for (const [key, value] of Object.entries(node)) if (key !== "$ref") yield* refsIn(value, [...tokens, key]);
  }
}

/** Describes the first pointer token that is absent, or undefined when the pointer resolves. */
function missingToken(root: unknown, tokens: string[]): string | undefined {
  let node = root;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    // A local $ref on the way is followed, as the bundler does.
    for (
      let hops = 0;
      isObject(node) && typeof node.$ref === "string" && node.$ref.startsWith("#") && hops < 32;
      hops++
    ) {
      node = getAt(root, parsePointer(node.$ref));
    }
    if (!isObject(node) && !Array.isArray(node)) return `${formatPointer(tokens.slice(0, i))} is not an object`;
    if (!Object.hasOwn(node, token)) return `there is no "${token}" in ${formatPointer(tokens.slice(0, i))}`;
    node = (node as Record<string, unknown>)[token];
  }
  return undefined;
}
