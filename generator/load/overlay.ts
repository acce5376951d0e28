// Fixes that only this version of the spec needs are data, not code: OpenAPI
// Overlay documents in spec/overlays/*.json, applied in file-name order by the
// apply-overlays pass. This file reads and checks them (their shape is
// spec/schemas/overlay.schema.json) and evaluates their
// `target`s. Supported: Overlay 1.0 (`update`, `remove`) and 1.1 (`copy`), with
// the JSONPath subset the overlays need: `$`, `.name`, `['name']` / `["name"]`
// (comma lists allowed), `[index]` (negative counts from the end), `.*`, `[*]`,
// filters of comparisons and existence tests joined by `&&` (RFC 9535:
// `[?@ == 'value']`, `[?@.operationId == 'x' && !@.requestBody]` keep the
// children for which each holds),
// and descendant segments (`$..logtail.required`: wherever it is written).
// Other filters are refused with a clear error. Targets
// are followed through `$ref`s (see selectPaths), so they survive a change of
// layout.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { derefLocal } from "../openapi.ts";
import { followPointer, formatPointer, getAt } from "../pointer.ts";
import { readJsonFile, SpecDataError, validateData } from "./data-file.ts";

const isRefNode = (value: unknown): boolean =>
  value !== null && typeof value === "object" && typeof (value as { $ref?: unknown }).$ref === "string";

/** A value, or what the local `$ref` it is points at. */
const derefNode = (root: unknown, value: unknown): unknown => (isRefNode(value) ? derefLocal(root, value) : value);

export interface OverlayAction {
  target: string;
  description?: string;
  update?: unknown;
  remove?: boolean;
  /** Overlay 1.1: a JSONPath selecting one node whose value is merged into each target like `update`. */
  copy?: string;
}

export interface OverlayDocument {
  overlay: string;
  info: { title: string; version: string };
  actions: OverlayAction[];
}

export interface LoadedOverlay {
  /** Where it came from, for error messages (e.g. "spec/overlays/registry-repository-paths.json"). */
  file: string;
  overlay: OverlayDocument;
}

export class OverlayError extends Error {
  constructor(file: string, message: string, action?: number) {
    super(`${file}${action === undefined ? "" : ` action #${action}`}: ${message}`);
    this.name = "OverlayError";
  }
}

/**
 * Checks an overlay: its shape against spec/schemas/overlay.schema.json, then
 * what a schema cannot say (each JSONPath parses; copy needs overlay 1.1).
 * Errors are SpecDataErrors naming the file and the JSON pointer of the value.
 */
export function parseOverlay(json: unknown, file: string): LoadedOverlay {
  validateData(json, "overlay.schema.json", file);
  const overlay = json as OverlayDocument;
  overlay.actions.forEach((action, i) => {
    const at = (key: string, expr: string) => {
      try {
        parseJsonPath(expr);
      } catch (error) {
        throw new SpecDataError(file, `/actions/${i}/${key}`, (error as Error).message);
      }
    };
    at("target", action.target);
    if (action.copy === undefined) return;
    if (!overlay.overlay.startsWith("1.1."))
      throw new SpecDataError(file, `/actions/${i}/copy`, "copy needs overlay 1.1.0");
    at("copy", action.copy);
  });
  return { file, overlay };
}

/** Every `*.json` overlay in `dir`, in file-name order (the order they are applied in). */
export function loadOverlays(dir: string, label = dir): LoadedOverlay[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => parseOverlay(readJsonFile(join(dir, name), `${label}/${name}`), `${label}/${name}`));
}

/** `@.path == value`, `@.path != value`, or (no `op`) whether `@.path` exists, negated with `!`. */
export interface FilterCondition {
  path: string[];
  op?: "==" | "!=";
  value?: unknown;
  negate?: boolean;
}

/** One step of a JSONPath: member names, indices, every child, or the children a filter keeps. */
export type PathSelector =
  | { kind: "names"; names: string[] }
  | { kind: "index"; index: number }
  | { kind: "wildcard" }
  | { kind: "filter"; conditions: FilterCondition[] }
  | { kind: "descendants" };

/** Parses the supported JSONPath subset; throws naming the offending position. */
export function parseJsonPath(expr: string): PathSelector[] {
  if (!expr.startsWith("$")) throw new Error(`JSONPath ${JSON.stringify(expr)} must start with $`);
  const out: PathSelector[] = [];
  let i = 1;
  const fail = (what: string): never => {
    throw new Error(`JSONPath ${JSON.stringify(expr)}: ${what} at offset ${i}`);
  };
  while (i < expr.length) {
    if (expr.startsWith("..", i)) {
      // `..name`, `..[...]`, `..*`: the next selector applies to the node and every node below it.
      out.push({ kind: "descendants" });
      i++;
      if (expr[i + 1] === "[") i++;
      continue;
    }
    if (expr[i] === ".") {
      i++;
      if (expr[i] === "*") {
        out.push({ kind: "wildcard" });
        i++;
        continue;
      }
      const name = /^[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*/.exec(expr.slice(i))?.[0];
      if (!name) fail("expected a member name after '.' (use ['name'] for names with other characters)");
      out.push({ kind: "names", names: [name!] });
      i += name!.length;
    } else if (expr[i] === "[") {
      i++;
      if (expr[i] === "*" && expr[i + 1] === "]") {
        out.push({ kind: "wildcard" });
        i += 2;
        continue;
      }
      if (expr[i] === "?") {
        const [filter, end] = readFilter(expr, i + 1, fail);
        out.push(filter);
        i = end;
        continue;
      }
      const index = /^-?\d+(?=\])/.exec(expr.slice(i))?.[0];
      if (index !== undefined) {
        out.push({ kind: "index", index: Number(index) });
        i += index.length + 1;
        continue;
      }
      const names: string[] = [];
      for (;;) {
        while (expr[i] === " ") i++;
        const quote = expr[i];
        if (quote !== "'" && quote !== '"') fail("expected a quoted name, an index, * or a ?filter");
        const [name, end] = readQuoted(expr, i, fail);
        names.push(name);
        i = end;
        while (expr[i] === " ") i++;
        if (expr[i] === ",") {
          i++;
          continue;
        }
        if (expr[i] === "]") break;
        fail("expected , or ]");
      }
      i++;
      out.push({ kind: "names", names });
    } else {
      fail("expected . or [");
    }
  }
  return out;
}

/**
 * `?@ == 'x'`, `?(@.a['b'] != 1 && !@.c)`: comparisons and existence tests of
 * `@` or a member below it, joined by `&&`. Returns the selector and the offset
 * after the closing `]`.
 */
function readFilter(expr: string, start: number, fail: (what: string) => never): [PathSelector, number] {
  let i = start;
  const skip = () => {
    while (expr[i] === " ") i++;
  };
  skip();
  const parenthesised = expr[i] === "(";
  if (parenthesised) i++;
  const conditions: FilterCondition[] = [];
  for (;;) {
    skip();
    const negate = expr[i] === "!";
    if (negate) i++;
    if (expr[i] !== "@") fail("a filter must test @ or a member of @ (e.g. ?@.name == 'x')");
    i++;
    const path: string[] = [];
    for (;;) {
      if (expr[i] === ".") {
        const name = /^[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*/.exec(expr.slice(i + 1))?.[0];
        if (!name) fail("expected a member name after '@.'");
        path.push(name!);
        i += 1 + name!.length;
      } else if (expr[i] === "[" && (expr[i + 1] === "'" || expr[i + 1] === '"')) {
        const [name, end] = readQuoted(expr, i + 1, fail);
        if (expr[end] !== "]") fail("expected ] after a quoted member name");
        path.push(name);
        i = end + 1;
      } else break;
    }
    skip();
    const op = expr.slice(i, i + 2);
    if (op === "==" || op === "!=") {
      if (negate) fail("! negates an existence test (!@.x), not a comparison");
      i += 2;
      skip();
      let value: unknown;
      if (expr[i] === "'" || expr[i] === '"') {
        const [text, end] = readQuoted(expr, i, fail);
        value = text;
        i = end;
      } else {
        const literal = /^(-?\d+(\.\d+)?|true|false|null)/.exec(expr.slice(i))?.[0];
        if (!literal) fail("a filter compares with a quoted string, a number, true, false or null");
        value = JSON.parse(literal!);
        i += literal!.length;
      }
      conditions.push({ path, op, value });
    } else {
      if (path.length === 0 && !negate) fail("a filter supports only ==, != and existence tests (@.x, !@.x)");
      conditions.push({ path, negate });
    }
    skip();
    if (!expr.startsWith("&&", i)) break;
    i += 2;
  }
  if (parenthesised) {
    if (expr[i] !== ")") fail("expected )");
    i++;
    skip();
  }
  if (expr[i] !== "]") fail("expected ] after the filter");
  return [{ kind: "filter", conditions }, i + 1];
}

const ESCAPES: Record<string, string> = {
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  "/": "/",
  "\\": "\\",
  "'": "'",
  '"': '"',
};

function readQuoted(expr: string, start: number, fail: (what: string) => never): [string, number] {
  const quote = expr[start];
  let value = "";
  let i = start + 1;
  while (i < expr.length && expr[i] !== quote) {
    if (expr[i] === "\\") {
      const next = expr[i + 1] ?? "";
      if (next === "u") {
        const hex = expr.slice(i + 2, i + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail("bad \\u escape");
        value += String.fromCharCode(parseInt(hex, 16));
        i += 6;
        continue;
      }
      if (!(next in ESCAPES)) fail(`bad escape \\${next}`);
      value += ESCAPES[next];
      i += 2;
    } else {
      value += expr[i++];
    }
  }
  if (i >= expr.length) fail("unterminated quoted name");
  return [value, i + 1];
}

/**
 * The locations (pointer tokens) `expr` selects in `root`, in document order;
 * absent members select nothing. A local `$ref` met on the way is followed
 * (and, with `followFinal`, one at a selected node too), so a target written
 * against where a schema is used selects it whether the spec writes it in place
 * or refers to it: one overlay serves a single-file spec and a multi-file one.
 * Each location is selected once, however many paths lead to it.
 */
export function selectPaths(root: unknown, expr: string, followFinal = false): string[][] {
  /** A selected node; its pointer tokens are built only for what is finally selected. */
  interface At {
    value: unknown;
    tokens: () => string[];
  }
  const child = (parent: At, key: string, value: unknown): At => {
    let tokens: string[] | undefined;
    return { value, tokens: () => (tokens ??= [...parent.tokens(), key]) };
  };
  // Only a node that is a `$ref` needs resolving, from the root; everything else is where it is written.
  const follow = (at: At): At | undefined => {
    if (!isRefNode(at.value)) return at;
    const tokens = followPointer(root, at.tokens());
    return tokens && { value: getAt(root, tokens), tokens: () => tokens };
  };
  const holds = (node: unknown, { path, op, value, negate }: FilterCondition): boolean => {
    let current: unknown = derefNode(root, node);
    for (const key of path) {
      current =
        current !== null && typeof current === "object" && Object.hasOwn(current, key)
          ? derefNode(root, (current as Record<string, unknown>)[key])
          : undefined;
    }
    if (op === undefined) return (current !== undefined) !== !!negate;
    return (current !== undefined && JSON.stringify(current) === JSON.stringify(value)) === (op === "==");
  };
  /** Applies one selector (not `..`) to a node that is an object. */
  const step = (here: At, selector: Exclude<PathSelector, { kind: "descendants" }>, next: At[]): void => {
    const node = here.value as Record<string, unknown>;
    if (selector.kind === "wildcard") {
      for (const key of Object.keys(node)) next.push(child(here, key, node[key]));
    } else if (selector.kind === "filter") {
      for (const key of Object.keys(node))
        if (selector.conditions.every((c) => holds(node[key], c))) next.push(child(here, key, node[key]));
    } else if (selector.kind === "index") {
      if (!Array.isArray(node)) return;
      const index = selector.index < 0 ? node.length + selector.index : selector.index;
      if (index >= 0 && index < node.length) next.push(child(here, String(index), node[index]));
    } else if (!Array.isArray(node)) {
      for (const name of selector.names) if (Object.hasOwn(node, name)) next.push(child(here, name, node[name]));
    }
  };
  const selectors = parseJsonPath(expr);
  let current: At[] = [{ value: root, tokens: () => [] }];
  for (let i = 0; i < selectors.length; i++) {
    const selector = selectors[i]!;
    const next: At[] = [];
    for (const start of current) {
      const here = follow(start);
      if (!here || typeof here.value !== "object" || here.value === null) continue;
      if (selector.kind !== "descendants") {
        step(here, selector, next);
        continue;
      }
      // `..` and the selector after it, in one walk: where nodes are written, not where refs lead,
      // every node visited once, in document order. (The parser never puts `..` last.)
      const after = selectors[i + 1] as Exclude<PathSelector, { kind: "descendants" }>;
      const below = (at: At): void => {
        step(follow(at) ?? at, after, next);
        for (const [key, value] of Object.entries(at.value as object))
          if (value !== null && typeof value === "object") below(child(at, key, value));
      };
      below(here);
    }
    if (selector.kind === "descendants") i++;
    current = next;
  }
  const selected = current.map((at) => (followFinal ? (follow(at) ?? at) : at).tokens());
  const seen = new Set<string>();
  return selected.filter((tokens) => {
    const key = formatPointer(tokens);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
