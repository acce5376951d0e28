// Quirk: OpenAPI 3.0 says keywords next to a `$ref` are ignored, yet the spec
// puts meaning there: loadBalancers_add_droplets / _remove_droplets bodies are
// `{$ref: <load balancer base>, required: [droplet_ids]}`, and the
// loadBalancers_create response mixes `{$ref, type: object}` into an allOf.
// Generators drop the siblings (droplet_ids came out optional) while JSON
// Schema 2019+ validators apply them. `{$ref: X, ...rest}` becomes
// `{allOf: [{$ref: X}], ...rest}`, which means the same to every tool.
// Annotation-only siblings (description, example, ...) constrain nothing and
// are left where they are.
import type { NormalizePass } from "../pass.ts";
import { DocumentEditor } from "./support/edit.ts";
import { formatPointer } from "../../pointer.ts";
import { walkDocument } from "./support/walk-document.ts";

const ANNOTATIONS = new Set(["description", "title", "example", "examples", "externalDocs", "deprecated"]);

export const wrapRefSiblingsInAllOf: NormalizePass = {
  name: "wrap-ref-siblings-in-allof",
  run(input, ctx) {
    const edit = new DocumentEditor(input);
    walkDocument(input, {
      schema(schema, at) {
        if (typeof schema.$ref !== "string") return;
        const constraints = Object.keys(schema).filter(
          (k) => k !== "$ref" && !ANNOTATIONS.has(k) && !k.startsWith("x-"),
        );
        if (constraints.length === 0) return;
        const ref = { $ref: schema.$ref };
        const wrapped = edit.at(at);
        delete wrapped.$ref;
        // Appended, so refs into an existing sibling allOf keep their indices.
        wrapped.allOf = [...(Array.isArray(schema.allOf) ? schema.allOf : []), ref];
        ctx.fixed(`moved ${ref.$ref} into allOf so its siblings (${constraints.join(", ")}) apply`, formatPointer(at));
        // No longer a ref: the walk goes on into its siblings, as into any schema.
        return wrapped;
      },
    });
    return edit.result();
  },
};
