// Identifiers a generated top-level name must never take: JavaScript and
// TypeScript reserved words, globals the generated code itself relies on, and
// the names the runtime core exports next to the generated ones.

export const RESERVED_WORDS: ReadonlySet<string> = new Set([
  "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do",
  "else", "enum", "export", "extends", "false", "finally", "for", "function", "if", "import", "in",
  "instanceof", "new", "null", "return", "super", "switch", "this", "throw", "true", "try", "typeof",
  "var", "void", "while", "with", "as", "implements", "interface", "let", "package", "private",
  "protected", "public", "static", "yield", "await", "any", "boolean", "number", "string", "symbol",
  "object", "unknown", "never", "undefined", "type", "arguments", "eval",
]);

/**
 * Globals used by generated or runtime code: shadowing them would break it.
 * `then` is here because a module exporting a `then` function is a thenable:
 * `await import("digitalocean-sdk")` would call it instead of resolving.
 */
export const RESERVED_GLOBALS: ReadonlySet<string> = new Set([
  "then",
  "Promise", "Array", "Object", "String", "Number", "Boolean", "Record", "Partial", "Readonly",
  "ArrayBuffer", "Blob", "Date", "Response", "Request", "Headers", "URL", "AbortSignal", "JSON",
  "Map", "Set", "Symbol", "Function",
]);
