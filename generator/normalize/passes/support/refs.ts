// Every `$ref` of this spec is local and points into some other operation
// (`#/paths/~1v2~1droplets/get/...`, sometimes percent-encoded). Passes that
// move or delete nodes must keep those refs pointing where they pointed, so
// they share these helpers to find, resolve and rewrite them.
import { derefLocal, type OpenApiDocument } from "../../../openapi.ts";
import { formatPointer, getAt, parsePointer } from "../../../pointer.ts";
import { visitObjects } from "../../walk.ts";
import type { DocumentEditor } from "./edit.ts";
import type { JsonObject, Tokens } from "./walk-document.ts";

export function isLocalRef(ref: string): boolean {
  return ref.startsWith("#");
}

/** Calls `visit` for every object holding a string `$ref`, anywhere in `root` (links and examples included). */
export function forEachRef(root: unknown, visit: (holder: JsonObject, at: Tokens) => void): void {
  visitObjects(root, (node, at) => {
    if (typeof node.$ref === "string") visit(node, at);
  });
}

/** The node a local ref points at, or undefined when it points at nothing. */
export function resolveLocal(doc: OpenApiDocument, ref: string): unknown {
  return isLocalRef(ref) ? getAt(doc, parsePointer(ref)) : undefined;
}

/** Follows `$ref` chains from `node` until a node without `$ref` (undefined when a ref dangles or loops). */
export function deref(doc: OpenApiDocument, node: unknown): unknown {
  return derefLocal(doc, node);
}

/** Local refs that point at nothing, as "where -> ref" strings (sorted, for error messages and diffs). */
export function danglingRefs(doc: OpenApiDocument): string[] {
  const out: string[] = [];
  forEachRef(doc, (holder, at) => {
    const ref = holder.$ref as string;
    if (isLocalRef(ref) && getAt(doc, parsePointer(ref)) === undefined) out.push(`${formatPointer(at)} -> ${ref}`);
  });
  return out.sort();
}

/** The canonical pointer (`#/a/b`, no percent-encoding) of every node some local ref points at. */
export function refTargets(doc: OpenApiDocument): Set<string> {
  const out = new Set<string>();
  forEachRef(doc, (holder) => {
    const ref = holder.$ref as string;
    if (isLocalRef(ref)) out.add(formatPointer(parsePointer(ref)));
  });
  return out;
}

/**
 * Rewrites every local ref in the editor's output whose target `move` maps to
 * new tokens (return undefined to leave a ref alone). Rewritten refs come out
 * canonical.
 */
export function rewriteRefs(edit: DocumentEditor, move: (target: string[]) => string[] | undefined): number {
  let count = 0;
  forEachRef(edit.result(), (holder, at) => {
    const ref = holder.$ref as string;
    if (!isLocalRef(ref)) return;
    const moved = move(parsePointer(ref));
    if (moved) {
      edit.at(at).$ref = formatPointer(moved);
      count++;
    }
  });
  return count;
}

/**
 * Deletes items from the array at `list` in the editor's output and shifts
 * every ref that pointed at (or into) a later item. Refs to a deleted item are
 * the caller's business: it must delete those too.
 */
export function removeListItems(edit: DocumentEditor, list: Tokens, indices: ReadonlySet<number>): void {
  if (!Array.isArray(getAt(edit.result(), list))) throw new Error(`${formatPointer(list)} is not a list`);
  const depth = list.length;
  rewriteRefs(edit, (target) => {
    if (target.length <= depth || !list.every((t, i) => target[i] === t)) return undefined;
    const index = Number(target[depth]);
    const removedBefore = [...indices].filter((i) => i < index).length;
    if (removedBefore === 0 || indices.has(index)) return undefined;
    return [...list, String(index - removedBefore), ...target.slice(depth + 1)];
  });
  const array = edit.at<unknown[]>(list);
  const kept = array.filter((_, i) => !indices.has(i));
  array.splice(0, array.length, ...kept);
}

/** Where `path` is once the node at `from` has moved to `to`: undefined when `path` is not at or below `from`. */
export function movedPath(path: Tokens, from: Tokens, to: Tokens): string[] | undefined {
  return path.length >= from.length && from.every((t, i) => path[i] === t)
    ? [...to, ...path.slice(from.length)]
    : undefined;
}

/**
 * Re-points every local ref into `from` (the node itself or anything below it)
 * at the same place under `to`, after a caller moved that node.
 */
export function moveRefs(edit: DocumentEditor, from: Tokens, to: Tokens): number {
  return rewriteRefs(edit, (target) => movedPath(target, from, to));
}
