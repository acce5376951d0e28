// Naming rules for operations, as documented in the README:
// - function: the operationId split into words (at `_`, `-`, `.` and case
//   boundaries), lower-cased, every word after the first capitalised;
// - grouped method: `client.<resource>.<method>` where resource is the
//   operationId's first `_`-separated segment and method the rest, both in
//   the same casing (`kubernetes_get_kubeconfig` -> kubernetes.getKubeconfig).
//   An operationId without `_` is grouped under its first tag.
import { camelCase, pascalCase, splitWords } from "../naming/words.ts";

export function functionNameCandidates(operationId: string, method: string, path: string): string[] {
  const words = splitWords(operationId);
  const base = camelCase(words.length ? words : [method, ...splitWords(path)]);
  const prefixed = /^[0-9]/.test(base) ? "op" + base.charAt(0).toUpperCase() + base.slice(1) : base;
  return [prefixed, prefixed + pascalCase([method]), camelCase([method, ...splitWords(path)])];
}

export function groupedName(operationId: string, tag: string | undefined): { resource: string; method: string } {
  const cut = operationId.indexOf("_");
  if (cut > 0) {
    const resource = camelCase(splitWords(operationId.slice(0, cut)));
    const method = camelCase(splitWords(operationId.slice(cut + 1)));
    if (resource && method) return { resource, method };
  }
  return { resource: camelCase(splitWords(tag ?? "default")) || "default", method: camelCase(splitWords(operationId)) };
}

export function typeBase(functionName: string): string {
  return functionName.charAt(0).toUpperCase() + functionName.slice(1);
}

/** "floatingIPsAction" -> "floating-ips-action": an acronym split as "I", "Ps" is rejoined. */
export function kebabCase(identifier: string): string {
  const words: string[] = [];
  for (const word of splitWords(identifier)) {
    const last = words[words.length - 1];
    if (last !== undefined && /^[A-Z]$/.test(last)) words[words.length - 1] = last + word;
    else words.push(word);
  }
  return words.map((w) => w.toLowerCase()).join("-");
}
