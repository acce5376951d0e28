// Quirk: the tag name pattern `^[a-zA-Z0-9_\-\:]+$` (tags_list response,
// tags_get / tags_delete path parameter, the tag schema shared by others)
// escapes `:`, which is an "identity escape" that plain JavaScript regexes
// accept but `u`-flag regexes reject. ajv compiles patterns with the `u` flag
// (so does Prism), so the schema fails to compile at all. Patterns are rewritten
// to the same language in `u` syntax: identity escapes of characters with no
// special meaning lose their backslash, and a lone `]`, `{` or `}` (literal in
// legacy syntax) gains one. A pattern that still does not compile (or uses
// legacy octal escapes/backreferences, which cannot be kept as they are) is
// dropped with a warning: no constraint beats a wrong one.
import type { NormalizePass } from "../pass.ts";
import { DocumentEditor } from "./support/edit.ts";
import { formatPointer } from "../../pointer.ts";
import { walkDocument } from "./support/walk-document.ts";

const SYNTAX = new Set("^$\\.*+?()[]{}|/");
const CLASS_ESCAPES = new Set("dDwWsSbBnrtfv");
const QUANTIFIER = /^\{\d+(,\d*)?\}/;

function compiles(pattern: string, flags: string): boolean {
  try {
    new RegExp(pattern, flags);
    return true;
  } catch {
    return false;
  }
}

/** The `u`-flag spelling of a legacy pattern, or undefined when it cannot be repaired. */
export function toUnicodePattern(pattern: string): string | undefined {
  if (compiles(pattern, "u")) return pattern;
  if (!compiles(pattern, "")) return undefined;
  const namedGroups = /\(\?<[A-Za-z_$]/.test(pattern);
  let out = "";
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "\\") {
      const next = pattern[i + 1] ?? "";
      const rest = pattern.slice(i + 2);
      i++;
      const keep =
        SYNTAX.has(next) ||
        (inClass && next === "-") ||
        CLASS_ESCAPES.has(next) ||
        next === "p" ||
        next === "P" ||
        (next === "k" && namedGroups) ||
        (next === "c" && /^[A-Za-z]/.test(rest)) ||
        (next === "x" && /^[0-9a-fA-F]{2}/.test(rest)) ||
        (next === "u" && /^([0-9a-fA-F]{4}|\{[0-9a-fA-F]+\})/.test(rest)) ||
        (next === "0" && !/^\d/.test(rest));
      if (keep) out += c + next;
      else if (/\d/.test(next))
        return undefined; // backreference or legacy octal
      else out += next; // identity escape: the character itself
    } else if (inClass) {
      if (c === "]") inClass = false;
      out += c;
    } else if (c === "[") {
      inClass = true;
      out += c;
    } else if (c === "{") {
      const quantifier = QUANTIFIER.exec(pattern.slice(i))?.[0];
      if (quantifier) {
        out += quantifier;
        i += quantifier.length - 1;
      } else out += "\\{";
    } else if (c === "}" || c === "]") {
      out += "\\" + c;
    } else {
      out += c;
    }
  }
  return compiles(out, "u") ? out : undefined;
}

export const repairUnicodePatterns: NormalizePass = {
  name: "repair-unicode-patterns",
  run(input, ctx) {
    const edit = new DocumentEditor(input);
    walkDocument(input, {
      schema(schema, at) {
        const pattern = schema.pattern;
        if (typeof pattern !== "string" || compiles(pattern, "u")) return;
        const where = formatPointer([...at, "pattern"]);
        const repaired = toUnicodePattern(pattern);
        if (repaired === undefined) {
          delete edit.at(at).pattern;
          ctx.warn(
            `pattern ${JSON.stringify(pattern)} is not a valid u-flag regex and cannot be rewritten; dropped`,
            where,
          );
        } else {
          edit.at(at).pattern = repaired;
          ctx.fixed(`pattern ${JSON.stringify(pattern)} -> ${JSON.stringify(repaired)}`, where);
        }
      },
    });
    return edit.result();
  },
};
