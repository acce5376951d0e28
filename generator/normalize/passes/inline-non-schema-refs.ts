// Quirk: besides schemas, the spec shares parameters, responses, headers,
// links and examples by `$ref`s into other operations (e.g. every operation's
// 401 is `#/paths/~1v2~11-clicks/get/responses/401`). Those objects have no
// model of their own in an SDK, so each ref is replaced by a copy of its
// target, leaving only `#/components/...` refs in the document. Runs after
// schema hoisting, so the copies carry refs to named models, not schema copies.
import type { NormalizePass } from "../pass.ts";
import { formatPointer, getAt, parsePointer } from "../../pointer.ts";
import { visitObjects } from "../walk.ts";

type Json = Record<string, unknown>;
const MAX_HOPS = 32;

export const inlineNonSchemaRefs: NormalizePass = {
  name: "inline-non-schema-refs",
  run(input, ctx) {
    const doc = structuredClone(input);
    // Targets are read from the untouched input, so copy order cannot matter.
    const resolve = (ref: string): unknown => getAt(input, parsePointer(ref));
    visitObjects(doc, (node, tokens) => {
      for (let hops = 0; typeof node.$ref === "string"; hops++) {
        const ref = node.$ref;
        if (!ref.startsWith("#/") || ref.startsWith("#/components/")) return;
        const target = resolve(ref);
        if (hops >= MAX_HOPS || target === null || typeof target !== "object") {
          ctx.warn(
            `cannot inline ${ref}: ${hops >= MAX_HOPS ? "reference cycle" : "target does not exist"}`,
            formatPointer(tokens),
          );
          return;
        }
        const { $ref: _ref, ...siblings } = node;
        for (const key of Object.keys(node)) delete node[key];
        Object.assign(node, structuredClone(target) as Json, siblings);
        ctx.fixed(`inlined ${ref}`, formatPointer(tokens));
      }
    });
    return doc;
  },
};
