// Quirk: kubernetes_get_credentials returns its three certificate fields as
// `format: byte` (base64). Validators check that format strictly, but mock
// generators have no generator for it and emit arbitrary text, which the
// mock's own validation then rejects (Prism answers 500 for a dynamic
// response). The same constraint written as a pattern is understood by every
// validator and generator alike, so `byte` is replaced by the exact base64
// pattern (whole 4-character groups, `=`/`==` padding only at the end). The
// TypeScript type (string) does not change.
import type { NormalizePass } from "../pass.ts";
import { DocumentEditor } from "./support/edit.ts";
import { formatPointer } from "../../pointer.ts";
import { walkDocument } from "./support/walk-document.ts";

export const BASE64_PATTERN = "^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$";

export const expressByteFormatAsPattern: NormalizePass = {
  name: "express-byte-format-as-pattern",
  run(input, ctx) {
    const edit = new DocumentEditor(input);
    walkDocument(input, {
      schema(schema, at) {
        if (schema.format !== "byte") return;
        const writable = edit.at(at);
        delete writable.format;
        const where = formatPointer(at);
        if (schema.pattern === undefined) {
          writable.pattern = BASE64_PATTERN;
          ctx.fixed("format byte written as the base64 pattern", where);
        } else {
          // A pattern of its own already constrains the text; keep it rather than combine two.
          ctx.fixed("format byte dropped next to an existing pattern", where);
        }
      },
    });
    return edit.result();
  },
};
