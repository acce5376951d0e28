// Quirk: 618 of the spec's `$ref`s (113 distinct targets) are percent-encoded
// URI fragments, e.g. `#/paths/~1v2~1account~1keys~1%7Bssh_key_identifier%7D/get/...`,
// while the rest are plain JSON pointers to the same kind of locations. Later
// passes match refs by their target, so every internal ref is rewritten to one
// canonical, unencoded pointer. External refs (files, URLs) are left alone.
import type { NormalizePass } from "../pass.ts";
import { DocumentEditor } from "./support/edit.ts";
import { formatPointer, parsePointer } from "../../pointer.ts";
import { visitObjects } from "../walk.ts";

export const decodePercentEncodedRefs: NormalizePass = {
  name: "decode-percent-encoded-refs",
  run(input, ctx) {
    const edit = new DocumentEditor(input);
    visitObjects(input, (node, tokens) => {
      const ref = node.$ref;
      if (typeof ref !== "string" || !ref.startsWith("#") || !ref.includes("%")) return;
      const canonical = formatPointer(parsePointer(ref));
      if (canonical !== ref) {
        edit.at(tokens).$ref = canonical;
        ctx.fixed(`decoded ${ref}`, formatPointer(tokens));
      }
    });
    return edit.result();
  },
};
