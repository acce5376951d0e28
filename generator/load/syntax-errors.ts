// Strict parsing of spec files, with syntax errors located by line, column and
// the JSON pointer of the value being read. The bundler falls back to YAML for
// a .json file that is not valid JSON (YAML accepts `{"a": 1,}` and `{"a": }`),
// so without this a broken JSON file surfaces later as a puzzling schema error.
//
// YAML is read by js-yaml with YAML 1.2's core schema, five times faster than
// the `yaml` package on DigitalOcean's ~2,900 files and with the same values
// (checked on every file of five spec versions and every fixture); a file
// js-yaml refuses is read again by `yaml`, whose errors say where.
import { createRequire } from "node:module";
import jsyaml from "js-yaml";
import type { Node } from "yaml";

export interface SyntaxProblem {
  message: string;
  /** Tokens of the JSON pointer of the innermost value that was being read. */
  tokens: string[];
}

export type Parsed = { ok: true; value: unknown } | { ok: false; problem: SyntaxProblem };

/** Parses a spec file's text: JSON for `.json` files, YAML otherwise. */
export function parseSpecText(file: string, text: string): Parsed {
  return /\.json$/i.test(file) ? parseJson(text) : parseYaml(text);
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split("\n");
  return `line ${before.length}, column ${before[before.length - 1]!.length + 1}`;
}

function parseJson(text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    const { offset, tokens, what } = scanJson(text);
    return { ok: false, problem: { message: `invalid JSON at ${lineAndColumn(text, offset)}: ${what}`, tokens } };
  }
}

class Stop {
  constructor(
    readonly offset: number,
    readonly what: string,
  ) {}
}

/** A strict JSON reader that only reports where and why it first fails (JSON.parse says neither reliably). */
function scanJson(text: string): { offset: number; tokens: string[]; what: string } {
  let i = 0;
  const path: string[] = [];
  const fail = (what: string): never => {
    throw new Stop(i, i >= text.length ? `${what}, but the text ends` : `${what}, found ${JSON.stringify(text[i])}`);
  };
  const ws = () => {
    while (/[ \t\r\n]/.test(text[i] ?? "")) i++;
  };
  const string = (): string => {
    let s = "";
    for (i++; i < text.length; i++) {
      const c = text[i]!;
      if (c === '"') {
        i++;
        return s;
      }
      if (c < " ") fail("a control character must be escaped in a string");
      if (c === "\\") {
        const e = text[++i] ?? "";
        if (e === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) {
          s += String.fromCharCode(parseInt(text.slice(i + 1, i + 5), 16));
          i += 4;
        } else if ('"\\/bfnrt'.includes(e) && e) s += e;
        else fail("expected a valid escape after \\");
      } else s += c;
    }
    return fail("expected the closing quote of a string");
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      ws();
      if (text[i] === "}") return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail("expected a double-quoted property name");
        const key = string();
        ws();
        if (text[i] !== ":") fail("expected : after a property name");
        i++;
        path.push(key);
        value();
        path.pop();
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "}") return void i++;
        else fail("expected , or } after a property value");
      }
    }
    if (c === "[") {
      i++;
      ws();
      if (text[i] === "]") return void i++;
      for (let index = 0; ; index++) {
        path.push(String(index));
        value();
        path.pop();
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "]") return void i++;
        else fail("expected , or ] after an array element");
      }
    }
    if (c === '"') return void string();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
      text.slice(i, i + 400),
    )?.[0];
    if (!literal) fail("expected a value");
    i += literal!.length;
  };
  try {
    value();
    ws();
    if (i < text.length) fail("expected the end of the document");
    return { offset: i, tokens: [], what: "cannot be parsed" };
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    return { offset: error.offset, tokens: [...path], what: error.what };
  }
}

// `yaml` only locates what js-yaml refuses: loaded then, not with every run (~50 ms).
let yamlModule: typeof import("yaml") | undefined;
const yaml = (): typeof import("yaml") =>
  (yamlModule ??= createRequire(import.meta.url)("yaml") as typeof import("yaml"));

function parseYaml(text: string): Parsed {
  try {
    // An empty document is null to `yaml`, undefined to js-yaml.
    return { ok: true, value: jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA }) ?? null };
  } catch {
    // Located below.
  }
  const doc = yaml().parseDocument(text);
  const error = doc.errors[0];
  if (!error) return { ok: true, value: doc.toJS() };
  const offset = error.pos[0];
  const message = error.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
  return {
    ok: false,
    problem: {
      message: `invalid YAML at ${lineAndColumn(text, offset)}: ${message}`,
      tokens: yamlTokensAt(doc.contents, offset),
    },
  };
}

/** The pointer of the deepest mapping value or sequence item whose text contains `offset`. */
function yamlTokensAt(node: unknown, offset: number): string[] {
  const within = (n: unknown) => {
    const range = (n as Node | null)?.range;
    return !!range && range[0] <= offset && offset < range[2];
  };
  const { isMap, isPair, isScalar, isSeq } = yaml();
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair) || !within(pair.value)) continue;
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      return [key, ...yamlTokensAt(pair.value, offset)];
    }
  } else if (isSeq(node)) {
    const index = node.items.findIndex(within);
    if (index >= 0) return [String(index), ...yamlTokensAt(node.items[index], offset)];
  }
  return [];
}
