// Quirk: the spec tells callers to encode path values themselves: the registry
// `repository_name` parameter ("If the name contains `/` characters, they must
// be URL-encoded, e.g. `%2F`") and the descriptions of the operations that
// take it ("Note that if your repository name contains `/` characters, it must
// be URL-encoded in the request URL"). That is advice for building URLs by
// hand; the SDK encodes every path argument as exactly one segment, so a
// caller who follows it sends `my%252Frepo`. In the descriptions of path
// parameters, and of operations that have path parameters, each sentence that
// asks for URL- or percent-encoding is replaced by what the SDK does, which is
// what the generated docs then say.
import type { NormalizePass } from "../pass.ts";
import { DocumentEditor } from "./support/edit.ts";
import { formatPointer } from "../../pointer.ts";
import { walkDocument } from "./support/walk-document.ts";

const ADVICE = /\b(?:url|percent)[- ]?encod/i;
/** What the SDK does, said of one parameter or of an operation's path values. */
const WHAT_THE_SDK_DOES = {
  parameter: "Pass the value as it is: the SDK encodes each path argument as one segment (`/` is sent as `%2F`).",
  operation: "With this SDK, pass path values as they are: it encodes each as one segment (`/` is sent as `%2F`).",
};

/** The text with each sentence that asks for encoding replaced by what the SDK does; undefined when none does. */
export function withoutEncodingAdvice(
  text: string,
  of: keyof typeof WHAT_THE_SDK_DOES = "parameter",
): string | undefined {
  const sentences = text.split(/(?<=[.!?])(\s+)(?=[A-Z])/);
  let changed = false;
  const out = sentences.map((sentence) => {
    if (!ADVICE.test(sentence)) return sentence;
    changed = true;
    return WHAT_THE_SDK_DOES[of];
  });
  return changed ? out.join("") : undefined;
}

export const correctPathEncodingAdvice: NormalizePass = {
  name: "correct-path-encoding-advice",
  run(input, ctx) {
    const edit = new DocumentEditor(input);
    walkDocument(input, {
      operation(operation, at) {
        const path = at[1] ?? "";
        if (!path.includes("{") || typeof operation.description !== "string") return;
        const corrected = withoutEncodingAdvice(operation.description, "operation");
        if (corrected === undefined) return;
        edit.at(at).description = corrected;
        ctx.fixed("the description says what the SDK encodes", formatPointer([...at, "description"]));
      },
      parameter(parameter, at) {
        if (parameter.in !== "path" || typeof parameter.description !== "string") return;
        const corrected = withoutEncodingAdvice(parameter.description);
        if (corrected === undefined) return;
        edit.at(at).description = corrected;
        ctx.fixed(`${String(parameter.name)}: the description says what the SDK encodes`, formatPointer(at));
      },
    });
    return edit.result();
  },
};
