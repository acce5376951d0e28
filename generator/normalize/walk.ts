// Depth-first visit of every object in a JSON tree with its pointer tokens;
// shared by passes that look for `$ref`s or keywords wherever they occur.

export type Visitor = (node: Record<string, unknown>, tokens: readonly string[]) => void;

export function visitObjects(root: unknown, visit: Visitor, tokens: string[] = []): void {
  if (Array.isArray(root)) {
    for (const [i, child] of root.entries()) visitObjects(child, visit, [...tokens, String(i)]);
  } else if (root !== null && typeof root === "object") {
    const node = root as Record<string, unknown>;
    visit(node, tokens);
    for (const [key, child] of Object.entries(node)) {
      if (child !== null && typeof child === "object") visitObjects(child, visit, [...tokens, key]);
    }
  }
}
