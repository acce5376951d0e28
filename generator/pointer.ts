// JSON Pointer (RFC 6901) helpers. Pointers in this spec also arrive
// percent-encoded (`%7B`), as URI fragments may be, so parsing decodes both.

export function escapeToken(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

export function unescapeToken(token: string): string {
  return token.replace(/~1/g, "/").replace(/~0/g, "~");
}

/** `#/paths/~1v2~1x/get` -> ["paths", "/v2/x", "get"]. Accepts percent-encoding. */
export function parsePointer(ref: string): string[] {
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
