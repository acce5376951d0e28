// Quirk: actions' `region_slug` (actions_list, shared by every action
// response) is `allOf: [{$ref: region slug}, {type: string, nullable: true}]`:
// the author marks the combination nullable in one branch, and the API does
// send `"region_slug": null`. But allOf means every branch must accept the
// value, and the ref'd slug (a plain string) rejects null, so validators refuse
// real responses and type generators intersect `string & (string | null)`
// into `string`. Where an inline allOf branch is nullable, every other branch
// that would reject null is given a null alternative: a ref'd branch becomes
// `anyOf: [{$ref}, {type, nullable: true, enum: [null]}]` (OpenAPI 3.0's way to
// say "only null"), an inline typed branch becomes nullable itself. A branch
// that other refs also point at is left alone (the change would leak to them)
// and reported.
import type { NormalizePass } from "../pass.ts";
import { DocumentEditor } from "./support/edit.ts";
import type { OpenApiDocument } from "../../openapi.ts";
import { formatPointer } from "../../pointer.ts";
import { deref, refTargets } from "./support/refs.ts";
import { isObject, walkDocument, type JsonObject } from "./support/walk-document.ts";

/** Would `schema` accept null under OpenAPI 3.0 rules? Conservative: unknown shapes reject. */
function acceptsNull(doc: OpenApiDocument, schema: unknown, depth = 0): boolean {
  const s = deref(doc, schema);
  if (!isObject(s) || depth > 32) return false;
  if (Array.isArray(s.enum) && !s.enum.includes(null)) return false;
  if (s.nullable === true) return true;
  if ("type" in s || "not" in s) return false;
  if (Array.isArray(s.allOf) && !s.allOf.every((b) => acceptsNull(doc, b, depth + 1))) return false;
  for (const key of ["anyOf", "oneOf"] as const) {
    const list = s[key];
    if (Array.isArray(list) && !list.some((b) => acceptsNull(doc, b, depth + 1))) return false;
  }
  return true;
}

/** Adds null to a schema with a `type` (and to its enum, which would otherwise still reject it). */
function makeNullable(schema: JsonObject): void {
  schema.nullable = true;
  if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
}

export const letNullThroughAllOf: NormalizePass = {
  name: "let-null-through-allof",
  run(input, ctx) {
    const edit = new DocumentEditor(input);
    const shared = refTargets(input);
    walkDocument(input, {
      schema(owner, at) {
        if (!Array.isArray(owner.allOf)) return;
        const branches = owner.allOf as unknown[];
        const nullable = branches.find(
          (b): b is JsonObject => isObject(b) && b.$ref === undefined && b.nullable === true,
        );
        // Refs are followed in the output so far: an earlier fix may already let null through there.
        if (!nullable || acceptsNull(edit.result(), owner)) return;
        if (typeof owner.type === "string" && owner.nullable !== true) {
          makeNullable(edit.at(at));
          ctx.fixed("an allOf branch is nullable: made the composition itself nullable", formatPointer(at));
        }
        branches.forEach((branch, index) => {
          if (!isObject(branch) || acceptsNull(edit.result(), branch)) return;
          const branchAt = formatPointer([...at, "allOf", String(index)]);
          if (shared.has(branchAt)) {
            ctx.warn(
              "a sibling allOf branch is nullable but this branch, shared by other refs, rejects null",
              branchAt,
            );
          } else if (typeof branch.$ref === "string") {
            const onlyNull = {
              ...(typeof nullable.type === "string" ? { type: nullable.type } : {}),
              nullable: true,
              enum: [null],
            };
            edit.at<unknown[]>([...at, "allOf"])[index] = { anyOf: [branch, onlyNull] };
            ctx.fixed(`a sibling branch is nullable: ${branch.$ref} may now be null too`, branchAt);
          } else if (
            typeof branch.type === "string" &&
            branch.allOf === undefined &&
            branch.anyOf === undefined &&
            branch.oneOf === undefined
          ) {
            makeNullable(edit.at([...at, "allOf", String(index)]));
            ctx.fixed("a sibling branch is nullable: made this branch nullable too", branchAt);
          } else {
            ctx.warn(
              "a sibling allOf branch is nullable but this branch rejects null and cannot simply be made nullable",
              branchAt,
            );
          }
        });
      },
    });
    return edit.result();
  },
};
