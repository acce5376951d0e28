// Quirk: the region schema (first defined under actions_list, shared by every
// response that embeds a region: droplets, sizes, load balancers, ...) gives
// `features` and `sizes` an `items` schema but no `type`. Type generators
// only emit an array for `type: array`, so both came out as `unknown`. A
// schema with `items` and no `type` is an array in intent (its description and
// examples say so), so it gets `type: array`.
import type { NormalizePass } from "../pass.ts";
import { DocumentEditor } from "./support/edit.ts";
import { formatPointer } from "../../pointer.ts";
import { walkDocument } from "./support/walk-document.ts";

export const inferArrayTypeFromItems: NormalizePass = {
  name: "infer-array-type-from-items",
  run(input, ctx) {
    const edit = new DocumentEditor(input);
    walkDocument(input, {
      schema(schema, at) {
        if (schema.items === undefined || "type" in schema || "$ref" in schema) return;
        edit.at(at).type = "array";
        ctx.fixed("added type: array to a schema with items", formatPointer(at));
      },
    });
    return edit.result();
  },
};
