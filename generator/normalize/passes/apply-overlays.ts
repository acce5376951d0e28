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
import { formatPointer, getAt, setAt } from "../../pointer.ts";
import { OverlayError, selectPaths, type LoadedOverlay, type OverlayAction } from "../../load/overlay.ts";
import { danglingRefs, refTargets } from "./support/refs.ts";
import { isObject, type JsonObject } from "./support/walk-document.ts";

function merge(target: JsonObject, patch: JsonObject): void {
  for (const [key, value] of Object.entries(patch)) {
    const current = target[key];
    if (isObject(current) && isObject(value)) merge(current, value);
    else target[key] = structuredClone(value);
  }
}

/** `in` and `name` of a parameter (through a `$ref`), which OpenAPI allows once per list. */
function parameterKey(doc: OpenApiDocument, value: unknown): string | undefined {
  const p = derefLocal(doc, value);
  return isObject(p) && typeof p.in === "string" && typeof p.name === "string" ? `${p.in} ${p.name}` : undefined;
}

/** Applies one value; false when it was already there (a parameter the list has: appending it would be invalid). */
function applyValue(doc: OpenApiDocument, tokens: string[], value: unknown, fail: (why: string) => never): boolean {
  const node = getAt(doc, tokens);
  if (Array.isArray(node)) {
    const key = parameterKey(doc, value);
    if (key !== undefined && node.some((item) => parameterKey(doc, item) === key)) return false;
    node.push(structuredClone(value));
  } else if (isObject(node) && isObject(value) && typeof value.$ref === "string") {
    // A reference replaces the node: OpenAPI 3.0 ignores whatever would stay beside it.
    setAt(doc, tokens, structuredClone(value));
  } else if (isObject(node)) {
    if (!isObject(value)) fail(`${formatPointer(tokens)} is an object, so the update must be an object`);
    merge(node, value as JsonObject);
  } else if (tokens.length === 0) fail("cannot replace the whole document");
  else setAt(doc, tokens, structuredClone(value));
  return true;
}

function remove(doc: OpenApiDocument, targets: string[][], fail: (why: string) => never): void {
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
      parent.splice(Number(key), 1);
    } else {
      delete (parent as JsonObject)[key];
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

function applyAction(doc: OpenApiDocument, action: OverlayAction, fail: (why: string) => never): Applied {
  // OpenAPI 3.0 ignores keywords beside a `$ref`, so an update of a node that is a reference applies to what
  // it refers to, unless the update is a reference itself: that replaces the node. A removal removes the node.
  const repoints = isObject(action.update) && "$ref" in action.update;
  const targets = selectPaths(doc, action.target, action.remove !== true && !repoints);
  if (targets.length === 0) throw new StaleTarget(`target ${action.target} matched nothing`);
  if (action.remove === true) {
    remove(doc, targets, fail);
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
  for (const tokens of targets) (applyValue(doc, tokens, value, fail) ? applied.changed : applied.present).push(tokens);
  return applied;
}

export function applyOverlays(overlays: readonly LoadedOverlay[]): NormalizePass {
  return {
    name: "apply-overlays",
    run(input, ctx) {
      let doc = structuredClone(input);
      for (const { file, overlay } of overlays) {
        const working = structuredClone(doc);
        const danglingBefore = new Set(danglingRefs(working));
        const fixes: { message: string; pointer: string }[] = [];
        const notes: string[] = [];
        let stale: string | undefined;
        overlay.actions.forEach((action, index) => {
          if (stale) return;
          const fail = (why: string): never => {
            throw new OverlayError(file, why, index);
          };
          const verb =
            action.remove === true ? "remove" : action.copy !== undefined ? `copy from ${action.copy}` : "update";
          try {
            const { changed, present } = applyAction(working, action, fail);
            for (const tokens of changed) {
              fixes.push({
                message: `${file} #${index} ${verb}: ${action.description ?? action.target}`,
                pointer: formatPointer(tokens),
              });
            }
            for (const tokens of present)
              notes.push(`${file} #${index}: the spec already has it at ${formatPointer(tokens)}`);
          } catch (error) {
            if (!(error instanceof StaleTarget)) throw error;
            stale = `action #${index}: ${error.message}`;
          }
        });
        if (stale) {
          ctx.note(`${file} not needed here: ${stale}`);
          continue;
        }
        const broken = danglingRefs(working).filter((ref) => !danglingBefore.has(ref));
        if (broken.length > 0) {
          throw new OverlayError(
            file,
            `leaves ${broken.length} $ref(s) dangling, e.g. ${broken.slice(0, 3).join("; ")}`,
          );
        }
        for (const fix of fixes) ctx.fixed(fix.message, fix.pointer);
        for (const note of notes) ctx.note(note);
        doc = working;
      }
      return doc;
    },
  };
}
