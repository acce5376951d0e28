// The normaliser's promise to the steps after it: every `$ref` left in the
// document points at something. A ref that dangles (a spec defect no pass
// could repair, or a pass that moved a node without its refs) would otherwise
// surface much later as a type named `paths` that tsc cannot find, with no
// file or pointer. Here it stops generation, located.
import type { OpenApiDocument } from "../openapi.ts";
import { SpecError } from "../load/spec-error.ts";
import { danglingRefs } from "./passes/support/refs.ts";

const SHOWN = 10;

export function checkNormalized(doc: OpenApiDocument, file: string): void {
  const dangling = danglingRefs(doc);
  if (dangling.length === 0) return;
  const [first] = dangling[0]!.split(" -> ");
  const more = dangling.length > 1 ? `\n${dangling.length - 1} more:\n  ${dangling.slice(1, SHOWN).join("\n  ")}` : "";
  throw new SpecError(
    `after normalisation, $ref ${dangling[0]!.split(" -> ")[1]} points at nothing (in the normalised document)${more}`,
    file,
    first,
  );
}
