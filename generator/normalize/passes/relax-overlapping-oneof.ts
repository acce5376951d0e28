// Quirk: some `oneOf`s list branches that accept the same values. The add-on
// feature `value` (addons_get_app, DigitalOcean's spec since 2025) is
// `oneOf: [string, boolean, string]`: every string matches two branches, so
// under "exactly one" no string is valid, and the mock rejects its own answers.
// When two branches are the same primitive type (integer counting as number)
// and no keyword tells their values apart, the `oneOf` becomes `anyOf`, which
// is what such a list means; the generated union type is the same. Refs into
// the list move along.
import type { NormalizePass } from "../pass.ts";
import { DocumentEditor } from "./support/edit.ts";
import { derefLocal } from "../../openapi.ts";
import { formatPointer } from "../../pointer.ts";
import { moveRefs } from "./support/refs.ts";
import { isObject, type JsonObject, walkDocument } from "./support/walk-document.ts";

const PRIMITIVES: Readonly<Record<string, string>> = {
  string: "string",
  boolean: "boolean",
  number: "number",
  integer: "number",
};
/** Keywords that let two branches of one type hold different values. */
const DISTINGUISHING = [
  "enum",
  "const",
  "pattern",
  "format",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "minLength",
  "maxLength",
  "multipleOf",
];

/** The primitive a branch accepts every value of, or undefined when it is not that plain. */
function plainPrimitive(doc: unknown, branch: unknown): string | undefined {
  const schema = derefLocal(doc, branch);
  if (!isObject(schema) || typeof schema.type !== "string") return undefined;
  if (DISTINGUISHING.some((k) => k in schema)) return undefined;
  return PRIMITIVES[schema.type];
}

export const relaxOverlappingOneOf: NormalizePass = {
  name: "relax-overlapping-oneof",
  run(input, ctx) {
    const edit = new DocumentEditor(input);
    const doc = input; // read only: refs are followed to what this pass does not change
    const moved: string[][] = [];
    walkDocument(input, {
      schema(schema: JsonObject, at) {
        if (!Array.isArray(schema.oneOf) || schema.anyOf !== undefined || schema.discriminator !== undefined) return;
        const kinds = schema.oneOf.map((branch) => plainPrimitive(doc, branch)).filter((k) => k !== undefined);
        const twice = kinds.find((kind, i) => kinds.indexOf(kind) !== i);
        if (!twice) return;
        const writable = edit.at(at);
        writable.anyOf = schema.oneOf;
        delete writable.oneOf;
        moved.push([...at]);
        ctx.fixed(`oneOf -> anyOf: two branches accept every ${twice}`, formatPointer(at));
      },
    });
    for (const at of moved) moveRefs(edit, [...at, "oneOf"], [...at, "anyOf"]);
    return edit.result();
  },
};
