// Quirk: kubernetes_get_kubeconfig's 200 response declares `application/yaml`
// with an example but no schema (invoices_get_csvByUUID's `text/csv` and
// invoices_get_pdfByUUID's `application/pdf` do have one). Without a schema a
// generator has no type for the body and a mock server nothing to check.
// Text media types (text/*, YAML, XML, and their +suffix forms) get `{type:
// string}`; JSON ones get `{}` (any JSON value); anything else is bytes,
// `{type: string, format: binary}`.
import type { NormalizePass } from "../pass.ts";
import { DocumentEditor } from "./support/edit.ts";
import { formatPointer } from "../../pointer.ts";
import { walkDocument } from "./support/walk-document.ts";

export function schemaForMediaType(mediaType: string): Record<string, unknown> {
  const essence = mediaType.split(";")[0]!.trim().toLowerCase();
  if (/^application\/(.+\+)?json$/.test(essence)) return {};
  if (/^text\//.test(essence) || /^application\/((.+\+)?(yaml|xml)|x-yaml)$/.test(essence)) return { type: "string" };
  return { type: "string", format: "binary" };
}

export const typeSchemalessMediaTypes: NormalizePass = {
  name: "type-schemaless-media-types",
  run(input, ctx) {
    const edit = new DocumentEditor(input);
    walkDocument(input, {
      mediaType(media, at) {
        if (media.schema !== undefined) return;
        const mediaType = at[at.length - 1]!;
        const schema = schemaForMediaType(mediaType);
        edit.at(at).schema = schema;
        ctx.fixed(`gave ${mediaType} the schema ${JSON.stringify(schema)}`, formatPointer(at));
      },
    });
    return edit.result();
  },
};
