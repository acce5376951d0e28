// Quirk: apps_create declares `Accept` and `Content-Type` as header
// parameters (application/json or application/yaml). Those headers belong to
// the SDK runtime, which sends JSON and sets them itself; as parameters they
// would make every caller pass a content type, or let one contradict the body
// the runtime serialises. OpenAPI 3.0 itself says header parameters named
// Accept, Content-Type or Authorization are ignored, so they are removed
// (matched case-insensitively, through refs). Real header parameters such as
// droplets_destroy_withAssociatedResourcesDangerous' `X-Dangerous` stay.
import type { NormalizePass } from "../pass.ts";
import { DocumentEditor } from "./support/edit.ts";
import { HTTP_METHODS } from "../../openapi.ts";
import { formatPointer, getAt } from "../../pointer.ts";
import { deref, removeListItems } from "./support/refs.ts";
import { isObject } from "./support/walk-document.ts";

const RUNTIME_HEADERS = new Set(["accept", "content-type", "authorization"]);

export const dropRuntimeHeaderParameters: NormalizePass = {
  name: "drop-runtime-header-parameters",
  run(input, ctx) {
    const doc = input;
    const edit = new DocumentEditor(input);
    const lists: string[][] = [];
    for (const [path, item] of Object.entries(doc.paths ?? {})) {
      if (!isObject(item)) continue;
      lists.push(["paths", path, "parameters"]);
      for (const method of HTTP_METHODS) if (isObject(item[method])) lists.push(["paths", path, method, "parameters"]);
    }
    // Decide every removal on the untouched document first: a ref'd header is removed with its referrers.
    const removals: [string[], Set<number>][] = [];
    for (const list of lists) {
      const params = getAt(doc, list);
      if (!Array.isArray(params)) continue;
      const drop = new Set<number>();
      params.forEach((param, index) => {
        const resolved = deref(doc, param);
        if (!isObject(resolved) || resolved.in !== "header" || typeof resolved.name !== "string") return;
        if (!RUNTIME_HEADERS.has(resolved.name.toLowerCase())) return;
        drop.add(index);
        ctx.fixed(
          `removed header parameter ${resolved.name}: the runtime sets it`,
          formatPointer([...list, String(index)]),
        );
      });
      if (drop.size > 0) removals.push([list, drop]);
    }
    for (const [list, drop] of removals) {
      removeListItems(edit, list, drop);
      const owner = edit.at(list.slice(0, -1));
      if ((owner.parameters as unknown[]).length === 0) delete owner.parameters;
    }
    return edit.result();
  },
};
