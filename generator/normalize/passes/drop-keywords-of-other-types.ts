// Quirk: 10 path parameters that are strings (cdn_get_endpoint's cdn_id,
// certificates_get's certificate_id, the floating/reserved IP, Kubernetes
// cluster/node pool/node, load balancer, project and VPC ids, shared by the
// operations that ref them) carry `minimum: 1`, a number keyword. Validators
// ignore it on strings, but a generator reading keywords by family (a bound
// means a number) can emit a wrong type or a check that can never pass.
// Keywords that only constrain another JSON type than the declared `type`
// (number bounds on strings, length/pattern on numbers, item counts on
// non-arrays) constrain nothing, so they are dropped.
import type { NormalizePass } from "../pass.ts";
import { DocumentEditor } from "./support/edit.ts";
import { formatPointer } from "../../pointer.ts";
import { walkDocument } from "./support/walk-document.ts";

const FAMILIES: { keywords: string[]; types: string[] }[] = [
  {
    keywords: ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"],
    types: ["number", "integer"],
  },
  { keywords: ["minLength", "maxLength", "pattern"], types: ["string"] },
  { keywords: ["minItems", "maxItems", "uniqueItems"], types: ["array"] },
];

export const dropKeywordsOfOtherTypes: NormalizePass = {
  name: "drop-keywords-of-other-types",
  run(input, ctx) {
    const edit = new DocumentEditor(input);
    walkDocument(input, {
      schema(schema, at) {
        const type = schema.type;
        if (typeof type !== "string") return;
        for (const { keywords, types } of FAMILIES) {
          if (types.includes(type)) continue;
          for (const keyword of keywords) {
            if (!(keyword in schema)) continue;
            ctx.fixed(
              `dropped ${keyword}: ${JSON.stringify(schema[keyword])}, which does not apply to type ${type}`,
              formatPointer([...at, keyword]),
            );
            delete edit.at(at)[keyword];
          }
        }
      },
    });
    return edit.result();
  },
};
