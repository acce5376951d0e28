// Quirk: 9 schemas say only `type: object`: Kubernetes node pool `labels`,
// the nested App deployment progress `steps`, the `region` and `droplet`
// members of floating/reserved IPs, and the unassign member of the
// floating/reserved IP action bodies. In JSON Schema that is "any object", but
// type generators read "no properties" as "an empty object" (openapi-typescript
// emits `Record<string, never>`), so `labels` could hold no label and
// `FloatingIpActionType & Record<string, never>` accepted no action at all.
// Spelling out the default, `additionalProperties: true`, means the same to
// validators and tells generators the object is open. Runs after
// lift-allof-required, which leaves such `{type: object}` branches behind.
import type { NormalizePass } from "../pass.ts";
import { DocumentEditor } from "./support/edit.ts";
import { formatPointer } from "../../pointer.ts";
import { walkDocument } from "./support/walk-document.ts";

const SHAPING = ["properties", "additionalProperties", "allOf", "anyOf", "oneOf", "enum", "$ref"];

export const makeFreeFormObjectsExplicit: NormalizePass = {
  name: "make-free-form-objects-explicit",
  run(input, ctx) {
    const edit = new DocumentEditor(input);
    walkDocument(input, {
      schema(schema, at) {
        if (schema.type !== "object" || SHAPING.some((key) => key in schema)) return;
        edit.at(at).additionalProperties = true;
        ctx.fixed("an object schema without properties is open: added additionalProperties: true", formatPointer(at));
      },
    });
    return edit.result();
  },
};
