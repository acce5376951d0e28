// JSDoc text from spec prose: summary first, then the description, then what
// the call sends. Comment terminators in the spec must not end the comment.

export function jsdocText(parts: readonly (string | undefined)[]): string | undefined {
  const text = parts
    .map((p) => p?.trim())
    .filter((p): p is string => !!p)
    .join("\n\n")
    .replace(/\*\//g, "*\\/");
  return text || undefined;
}
