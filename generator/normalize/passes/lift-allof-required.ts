// Quirk: 20 allOf compositions list `required` names in a branch that does not
// define those properties; another branch does (often a `$ref`). Examples: the
// domains_create_record body members (`allOf: [{$ref: record}, {required:
// [type, name, data]}]`), the firewalls_create body, the volumes_create body,
// the floating/reserved IP action bodies. Validators get this right, but type
// generators build each branch on its own and intersect them, so `{required:
// [name]}` without a `name` property makes nothing required.
// Each such name is lifted to the `required` of the allOf's owner, the object
// that (through its branches) defines it: validation means exactly the same,
// and generators that honour `required` next to `allOf` (openapi-typescript
// wraps a ref'd branch in WithRequired<>, merges it into an inline one) make
// the property required. The branch loses the name unless the branch is itself
// a `$ref` target used elsewhere. Branches are never removed, so refs into
// `allOf/<n>` stay valid. Names no part of the object defines are reported.
import type { NormalizePass } from "../pass.ts";
import { DocumentEditor } from "./support/edit.ts";
import type { OpenApiDocument } from "../../openapi.ts";
import { formatPointer } from "../../pointer.ts";
import { deref, refTargets } from "./support/refs.ts";
import { isObject, walkDocument } from "./support/walk-document.ts";

/** Does `schema` (through refs and nested allOf) declare property `name`? */
function defines(doc: OpenApiDocument, schema: unknown, name: string, depth = 0): boolean {
  const resolved = deref(doc, schema);
  if (!isObject(resolved) || depth > 32) return false;
  if (isObject(resolved.properties) && Object.hasOwn(resolved.properties, name)) return true;
  return Array.isArray(resolved.allOf) && resolved.allOf.some((branch) => defines(doc, branch, name, depth + 1));
}

export const liftAllOfRequired: NormalizePass = {
  name: "lift-allof-required",
  run(input, ctx) {
    const edit = new DocumentEditor(input);
    const shared = refTargets(input);
    const doc = input; // read only: this pass changes no properties, the only thing it reads through refs
    walkDocument(input, {
      schema(owner, at) {
        if (!Array.isArray(owner.allOf)) return;
        const branches = owner.allOf as unknown[];
        branches.forEach((branch, index) => {
          if (!isObject(branch) || typeof branch.$ref === "string" || !Array.isArray(branch.required)) return;
          const branchAt = [...at, "allOf", String(index)];
          const foreign = (branch.required as unknown[]).filter(
            (name): name is string => typeof name === "string" && !defines(doc, branch, name),
          );
          const elsewhere = (name: string) =>
            (isObject(owner.properties) && Object.hasOwn(owner.properties, name)) ||
            branches.some((other, j) => j !== index && defines(doc, other, name));
          const lifted = foreign.filter(elsewhere);
          for (const name of foreign.filter((n) => !elsewhere(n))) {
            ctx.warn(
              `required ${JSON.stringify(name)} is not a property of this allOf or any of its branches`,
              formatPointer(branchAt),
            );
          }
          if (lifted.length === 0) return;
          const writable = edit.at(at);
          const ownerRequired = Array.isArray(writable.required) ? (writable.required as string[]) : [];
          writable.required = [...ownerRequired, ...lifted.filter((name) => !ownerRequired.includes(name))];
          if (!shared.has(formatPointer(branchAt))) {
            const rest = (branch.required as unknown[]).filter((name) => !lifted.includes(name as string));
            if (rest.length > 0) edit.at(branchAt).required = rest;
            else delete edit.at(branchAt).required;
          }
          ctx.fixed(
            `lifted required ${lifted.join(", ")} from allOf/${index} to the object that defines them`,
            formatPointer(at),
          );
        });
      },
    });
    return edit.result();
  },
};
