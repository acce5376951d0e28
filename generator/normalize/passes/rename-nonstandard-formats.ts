// Quirk: the uptime check schema (uptime_checks_list, uptime_check_create,
// _get, _update) gives `target` the format `url`, a name outside OpenAPI's and
// JSON Schema's format registries, for what JSON Schema calls `uri`. Some
// tools accept the alias (ajv-formats) and some do not (Prism's response
// generator ignores it and emits plain words, which its validator rejects), so
// the standard name is used.
import type { NormalizePass } from "../pass.ts";
import { DocumentEditor } from "./support/edit.ts";
import { formatPointer } from "../../pointer.ts";
import { walkDocument } from "./support/walk-document.ts";

/** Non-standard format names and the standard names that mean the same. */
export const STANDARD_FORMAT_NAMES: Readonly<Record<string, string>> = { url: "uri" };

export const renameNonstandardFormats: NormalizePass = {
  name: "rename-nonstandard-formats",
  run(input, ctx) {
    const edit = new DocumentEditor(input);
    walkDocument(input, {
      schema(schema, at) {
        const standard = typeof schema.format === "string" ? STANDARD_FORMAT_NAMES[schema.format] : undefined;
        if (standard === undefined) return;
        ctx.fixed(
          `format ${JSON.stringify(schema.format)} renamed ${JSON.stringify(standard)}`,
          formatPointer([...at, "format"]),
        );
        edit.at(at).format = standard;
      },
    });
    return edit.result();
  },
};
