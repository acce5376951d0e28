// Applies the spec's data fixes (spec/overlays/*.json, read by
// generator/load/overlay.ts) before any other pass, so overlay targets are
// written against the pinned document as published. Fixes that only this spec
// version needs live there, never as operationId checks in code: e.g.
// registry-repository-paths.json moves the 4 registry repository operations to
// the `/repositories/` paths the API serves.
//
// Semantics (Overlay 1.0/1.1): `update` deep-merges an object into each object
// target (nested objects merge, arrays and scalars are replaced), appends to an
// array target, and replaces a scalar target; `copy` does the same with the
// value of the one node its JSONPath selects; `remove` deletes each target.
// An update whose value is a `$ref` replaces the node it targets (re-points a
// use site). Appending a parameter that the list already has (same `in` and `name`) would
// make the spec invalid, so it is left out and noted: an overlay that adds a
// parameter the live API takes keeps working once the spec declares it.
// A path item is renamed with three actions: `update` on `$.paths` adding the
// new key as `{}`, `copy` from the old path item into it, `remove` of the old
// one (plus updates of any `$ref` that pointed into the old path item).
//
// Targets are written against where things are used: `$ref`s on the way are
// followed (load/overlay.ts), so one target works whether a spec writes a
// schema in place (the APIs.guru copy) or in a file of its own (DigitalOcean's
// repository).
//
// An overlay file is applied whole or not at all. When one of its targets
// matches nothing, the spec does not have what the fix was written for (this
// version never had the bug, or fixed it): the file is skipped, and the
// summary notes it, so `--spec <another version>` still generates. Stricter than the
// Overlay spec otherwise: an overlay that leaves a local `$ref` dangling, or
// removes a list item that a `$ref` addresses by a later index, is an error.
import type { NormalizePass } from "../pass.ts";
import { derefLocal, type OpenApiDocument } from "../../openapi.ts";
import { formatPointer, getAt } from "../../pointer.ts";
import { OverlayError, selectPaths, type LoadedOverlay, type OverlayAction } from "../../load/overlay.ts";
import { Journal } from "./support/journal.ts";
import { danglingRefs, refTargets } from "./support/refs.ts";
import { isObject, type JsonObject } from "./support/walk-document.ts";

function merge(journal: Journal, target: JsonObject, patch: JsonObject): void {
  for (const [key, value] of Object.entries(patch)) {
    const current = target[key];
    if (isObject(current) && isObject(value)) merge(journal, current, value);
    else journal.set(target, key, structuredClone(value));
  }
}

/** `in` and `name` of a parameter (through a `$ref`), which OpenAPI allows once per list. */
function parameterKey(doc: OpenApiDocument, value: unknown): string | undefined {
  const p = derefLocal(doc, value);
  return isObject(p) && typeof p.in === "string" && typeof p.name === "string" ? `${p.in} ${p.name}` : undefined;
}

/** What applying one file needs: the document, the journal of changes and how to fail. */
interface Apply {
  doc: OpenApiDocument;
  journal: Journal;
  fail: (why: string) => never;
}

/** Applies one value; false when it was already there (a parameter the list has: appending it would be invalid). */
function applyValue({ doc, journal, fail }: Apply, tokens: string[], value: unknown): boolean {
  const node = getAt(doc, tokens);
  const parent = getAt(doc, tokens.slice(0, -1)) as JsonObject;
  const key = tokens[tokens.length - 1]!;
  if (Array.isArray(node)) {
    const param = parameterKey(doc, value);
    if (param !== undefined && node.some((item) => parameterKey(doc, item) === param)) return false;
    journal.push(node, structuredClone(value));
  } else if (isObject(node) && isObject(value) && typeof value.$ref === "string") {
    // A reference replaces the node: OpenAPI 3.0 ignores whatever would stay beside it.
    if (tokens.length === 0) fail("cannot replace the whole document");
    journal.set(parent, key, structuredClone(value));
  } else if (isObject(node)) {
    if (!isObject(value)) fail(`${formatPointer(tokens)} is an object, so the update must be an object`);
    merge(journal, node, value as JsonObject);
  } else if (tokens.length === 0) fail("cannot replace the whole document");
  else journal.set(parent, key, structuredClone(value));
  return true;
}

function remove({ doc, journal, fail }: Apply, targets: string[][]): void {
  let referenced: string[] | undefined;
  // Last first, so earlier removals in the same list do not shift later ones.
  const ordered = [...targets].sort((a, b) => (Number(b[b.length - 1]) || 0) - (Number(a[a.length - 1]) || 0));
  for (const tokens of ordered) {
    if (tokens.length === 0) fail("cannot remove the whole document");
    const parent = getAt(doc, tokens.slice(0, -1));
    const key = tokens[tokens.length - 1]!;
    if (Array.isArray(parent)) {
      const listPointer = formatPointer(tokens.slice(0, -1));
      referenced ??= [...refTargets(doc)];
      const shifted = referenced.find((ref) => {
        const rest = ref.startsWith(listPointer + "/") ? ref.slice(listPointer.length + 1).split("/")[0] : undefined;
        return rest !== undefined && Number(rest) > Number(key);
      });
      if (shifted)
        fail(`removing ${formatPointer(tokens)} would shift the list item that a $ref points at (${shifted})`);
      journal.splice(parent, Number(key));
    } else {
      journal.delete(parent as JsonObject, key);
    }
  }
}

/** Thrown when an action's target selects nothing: the whole file is then skipped. */
class StaleTarget extends Error {}

/** The locations an action changed, and those where what it adds was there already. */
interface Applied {
  changed: string[][];
  present: string[][];
}

function applyAction(context: Apply, action: OverlayAction): Applied {
  const { doc, fail } = context;
  // OpenAPI 3.0 ignores keywords beside a `$ref`, so an update of a node that is a reference applies to what
  // it refers to, unless the update is a reference itself: that replaces the node. A removal removes the node.
  const repoints = isObject(action.update) && "$ref" in action.update;
  const targets = selectPaths(doc, action.target, action.remove !== true && !repoints);
  if (targets.length === 0) throw new StaleTarget(`target ${action.target} matched nothing`);
  if (action.remove === true) {
    remove(context, targets);
    return { changed: targets, present: [] };
  }
  let value = action.update;
  if (action.copy !== undefined) {
    const sources = selectPaths(doc, action.copy, true);
    if (sources.length === 0) throw new StaleTarget(`copy source ${action.copy} matched nothing`);
    if (sources.length !== 1) fail(`copy ${action.copy} must select exactly one node, selected ${sources.length}`);
    value = getAt(doc, sources[0]!);
  }
  const applied: Applied = { changed: [], present: [] };
  for (const tokens of targets) (applyValue(context, tokens, value) ? applied.changed : applied.present).push(tokens);
  return applied;
}

interface FileResult {
  fixes: { message: string; pointer: string }[];
  notes: string[];
  /** Set when a target matched nothing: the file's changes were taken back. */
  stale?: string;
}

/** Applies one overlay file to `doc` in place, whole or (when a target is stale) not at all. */
function applyFile(doc: OpenApiDocument, { file, overlay }: LoadedOverlay): FileResult {
  const journal = new Journal();
  const result: FileResult = { fixes: [], notes: [] };
  for (const [index, action] of overlay.actions.entries()) {
    const fail = (why: string): never => {
      throw new OverlayError(file, why, index);
    };
    const verb = action.remove === true ? "remove" : action.copy !== undefined ? `copy from ${action.copy}` : "update";
    try {
      const { changed, present } = applyAction({ doc, journal, fail }, action);
      for (const tokens of changed)
        result.fixes.push({
          message: `${file} #${index} ${verb}: ${action.description ?? action.target}`,
          pointer: formatPointer(tokens),
        });
      for (const tokens of present)
        result.notes.push(`${file} #${index}: the spec already has it at ${formatPointer(tokens)}`);
    } catch (error) {
      journal.rollback();
      if (!(error instanceof StaleTarget)) throw error;
      return { fixes: [], notes: [], stale: `action #${index}: ${error.message}` };
    }
  }
  return result;
}

/** Which file first left a ref dangling: replays them one at a time (only when one did). */
function blameDangling(input: OpenApiDocument, overlays: readonly LoadedOverlay[]): never {
  const doc = structuredClone(input);
  let before = new Set(danglingRefs(doc));
  for (const overlay of overlays) {
    if (applyFile(doc, overlay).stale) continue;
    const after = danglingRefs(doc);
    const broken = after.filter((ref) => !before.has(ref));
    if (broken.length > 0)
      throw new OverlayError(
        overlay.file,
        `leaves ${broken.length} $ref(s) dangling, e.g. ${broken.slice(0, 3).join("; ")}`,
      );
    before = new Set(after);
  }
  throw new Error("apply-overlays: a ref was left dangling, but replaying the files one by one did not reproduce it");
}

export function applyOverlays(overlays: readonly LoadedOverlay[]): NormalizePass {
  return {
    name: "apply-overlays",
    run(input, ctx) {
      const doc = structuredClone(input);
      const danglingBefore = new Set(danglingRefs(doc));
      const notNeeded: string[] = [];
      for (const overlay of overlays) {
        const { fixes, notes, stale } = applyFile(doc, overlay);
        if (stale) {
          notNeeded.push(overlay.file.split("/").pop()!);
          ctx.detail(`${overlay.file} not needed: ${stale}`);
        }
        for (const fix of fixes) ctx.fixed(fix.message, fix.pointer);
        for (const note of notes) ctx.note(note);
      }
      if (notNeeded.length) ctx.note(`not needed by this spec, their targets are not in it: ${notNeeded.join(", ")}`);
      if (danglingRefs(doc).some((ref) => !danglingBefore.has(ref))) blameDangling(input, overlays);
      return doc;
    },
  };
}
