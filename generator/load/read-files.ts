// Reads every file a spec is made of: the entry file, then every file its
// `$ref`s reach, each parsed strictly (syntax-errors.ts). The first syntax
// error, unreadable file, remote `$ref` or `$ref` that does not resolve is
// reported at the `$ref` itself (file and JSON pointer): bundlers only say
// what a broken ref points to, and read a broken .json file as YAML.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { formatPointer, getAt, parsePointer } from "../pointer.ts";
import type { SpecProblem } from "./check-spec.ts";
import { type Parsed, parseSpecText } from "./syntax-errors.ts";

export interface SpecFiles {
  /** Absolute path of the entry file. */
  entry: string;
  /** Every file reached, by absolute path, parsed. */
  files: ReadonlyMap<string, unknown>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A `$ref` split into the absolute file it names (the referring file itself for `#...`) and its pointer tokens. */
export function refTarget(fromFile: string, ref: string): { file: string; tokens: string[] } {
  const hash = ref.indexOf("#");
  const filePart = hash < 0 ? ref : ref.slice(0, hash);
  return {
    file: filePart === "" ? fromFile : resolve(dirname(fromFile), decodeURI(filePart)),
    tokens: hash < 0 ? [] : parsePointer(ref.slice(hash)),
  };
}

export function isRemoteRef(ref: string): boolean {
  return /^[a-z][a-z0-9+.-]+:/i.test(ref);
}

type Loaded = Parsed | { ok: false; unreadable: string };

function readOne(file: string): Loaded {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, unreadable: code === "ENOENT" ? "the file does not exist" : (error as Error).message };
  }
  return parseSpecText(file, text);
}

/** Reads the spec's files, or returns the first problem, located. An unreadable entry file is the caller's to report. */
export function readSpecFiles(entryFile: string): { files: SpecFiles } | { problem: SpecProblem | undefined } {
  const entry = resolve(entryFile);
  const cache = new Map<string, Loaded>();
  const load = (file: string): Loaded => {
    let loaded = cache.get(file);
    if (!loaded) {
      loaded = readOne(file);
      cache.set(file, loaded);
    }
    return loaded;
  };
  const files = new Map<string, unknown>();
  const queue = [entry];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (files.has(file)) continue;
    const parsed = load(file);
    if (!parsed.ok) {
      if ("problem" in parsed)
        return { problem: { file, pointer: formatPointer(parsed.problem.tokens), message: parsed.problem.message } };
      return { problem: undefined };
    }
    files.set(file, parsed.value);
    for (const { ref, tokens } of refsIn(parsed.value)) {
      const site = { file, pointer: formatPointer([...tokens, "$ref"]) };
      if (isRemoteRef(ref)) {
        // A remote part would escape the sha256 pin and need the network.
        return {
          problem: { ...site, message: `$ref ${JSON.stringify(ref)} is a URL: a spec must be made of local files` },
        };
      }
      const target = refTarget(file, ref);
      const loaded = target.file === file ? parsed : load(target.file);
      if (!loaded.ok && "unreadable" in loaded) {
        const message = `$ref ${JSON.stringify(ref)} points to ${target.file}, which cannot be read: ${loaded.unreadable}`;
        return { problem: { ...site, message } };
      }
      if (loaded.ok) {
        const missing = missingToken(loaded.value, target.tokens);
        if (missing)
          return { problem: { ...site, message: `$ref ${JSON.stringify(ref)} does not resolve: ${missing}` } };
      }
      if (target.file !== file) queue.push(target.file);
    }
  }
  return { files: { entry, files } };
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
