// Word splitting and casing shared by every name the generator makes, so a
// function, a model and a grouped method built from the same words agree.

/**
 * Splits an identifier-ish string into words: at any run of characters that
 * are not letters or digits, at lower->Upper boundaries, and where an acronym
 * ends ("IPs" -> "I", "Ps"; "byUUID" -> "by", "UUID"). Digits stay attached.
 * Accented letters lose their accents rather than splitting the word.
 */
export function splitWords(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "") // accents go, letters stay: "ünïcödé" -> "unicode"
    .split(/[^A-Za-z0-9]+/)
    .flatMap((part) => part.split(/(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/))
    .filter((word) => word.length > 0);
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** words -> camelCase: every word lower-cased, every word after the first capitalised. */
export function camelCase(words: readonly string[]): string {
  return words.map((w, i) => (i === 0 ? w.toLowerCase() : capitalize(w.toLowerCase()))).join("");
}

/** words -> PascalCase. */
export function pascalCase(words: readonly string[]): string {
  return words.map((w) => capitalize(w.toLowerCase())).join("");
}

// Plurals whose singular is not made by the simple rules below.
const IRREGULAR_SINGULARS: Readonly<Record<string, string>> = {
  kubernetes: "kubernetes",
  status: "status",
  analytics: "analytics",
  settings: "settings",
  details: "details",
  metrics: "metrics",
  news: "news",
  series: "series",
  aliases: "alias",
  statuses: "status",
  addresses: "address",
  indices: "index",
  policies: "policy",
};

/** English singular of one lower-case word, good enough for API resource nouns. */
export function singular(word: string): string {
  const lower = word.toLowerCase();
  const irregular = IRREGULAR_SINGULARS[lower];
  if (irregular !== undefined) return irregular;
  if (lower.endsWith("ies") && lower.length > 4) return lower.slice(0, -3) + "y";
  if (/(ss|sh|ch|x)es$/.test(lower)) return lower.slice(0, -2);
  if (lower.endsWith("ss") || lower.endsWith("us") || lower.endsWith("is")) return lower;
  if (lower.endsWith("s") && lower.length > 2) return lower.slice(0, -1);
  return lower;
}

/** Singularises the last word of a phrase: "kubernetes_clusters" -> ["kubernetes", "cluster"]. */
export function singularPhrase(words: readonly string[]): string[] {
  if (words.length === 0) return [];
  return [...words.slice(0, -1), singular(words[words.length - 1]!)];
}
