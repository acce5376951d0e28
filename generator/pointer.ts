// JSON Pointer (RFC 6901) helpers. Pointers in this spec also arrive
// percent-encoded (`%7B`), as URI fragments may be, so parsing decodes both.

export function escapeToken(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

export function unescapeToken(token: string): string {
  return token.replace(/~1/g, "/").replace(/~0/g, "~");
}

const parsed = new Map<string, readonly string[]>();

/**
 * `#/paths/~1v2~1x/get` -> ["paths", "/v2/x", "get"]. Accepts percent-encoding.
 * A new array each call: callers may change it.
 */
export function parsePointer(ref: string): string[] {
  // Passes follow the same refs thousands of times; decoding each once is enough.
  let tokens = parsed.get(ref);
  if (!tokens) {
    tokens = decodePointer(ref);
    parsed.set(ref, tokens);
  }
  return [...tokens];
}

function decodePointer(ref: string): string[] {
  const hash = ref.indexOf("#");
  const fragment = hash >= 0 ? ref.slice(hash + 1) : ref;
  if (fragment === "" || fragment === "/") return [];
  let decoded: string;
  try {
    decoded = decodeURIComponent(fragment);
  } catch {
    decoded = fragment;
  }
  return decoded.split("/").slice(1).map(unescapeToken);
}

export function formatPointer(tokens: readonly string[]): string {
  return "#" + tokens.map((t) => "/" + escapeToken(t)).join("");
}

/** The value at `tokens` inside `root`, or undefined. */
export function getAt(root: unknown, tokens: readonly string[]): unknown {
  let node: unknown = root;
  for (const token of tokens) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

/** Sets the value at `tokens` (the parent must exist). */
export function setAt(root: unknown, tokens: readonly string[], value: unknown): void {
  const parent = getAt(root, tokens.slice(0, -1));
  if (parent === null || typeof parent !== "object") {
    throw new Error(`cannot set ${formatPointer(tokens)}: parent is missing`);
  }
  (parent as Record<string, unknown>)[tokens[tokens.length - 1]!] = value;
}

const MAX_HOPS = 64;

function localRef(node: unknown): string | undefined {
  const ref = (node as { $ref?: unknown } | null)?.$ref;
  return node !== null && typeof node === "object" && typeof ref === "string" && ref.startsWith("#") ? ref : undefined;
}

/**
 * Where `tokens` lead when every local `$ref` met on the way is followed (and
 * the one at the end too, unless `keepFinalRef`): the canonical tokens of the
 * node reached, or undefined when the path leads nowhere. This makes a
 * pointer written against a use site ("the items of droplets_list's response")
 * mean the same schema whether a spec writes it in place or refers to it, so
 * data in spec/ works for any layout of the same API.
 */
export function followPointer(root: unknown, tokens: readonly string[], keepFinalRef = false): string[] | undefined {
  let at: string[] = [];
  let node: unknown = root;
  const follow = (): boolean => {
    for (let hops = 0, ref = localRef(node); ref !== undefined; hops++, ref = localRef(node)) {
      if (hops >= MAX_HOPS) return false;
      at = parsePointer(ref);
      node = getAt(root, at);
    }
    return true;
  };
  for (const token of tokens) {
    if (!follow() || node === null || typeof node !== "object") return undefined;
    if (!Object.hasOwn(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
    at = [...at, token];
  }
  if (!keepFinalRef && !follow()) return undefined;
  return node === undefined ? undefined : at;
}
