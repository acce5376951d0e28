// The part of js-yaml 4 (which ships no types) that load/syntax-errors.ts uses.
declare module "js-yaml" {
  /** YAML 1.2's core schema: null, booleans, integers, floats, strings; no timestamps, no merge keys. */
  export const CORE_SCHEMA: unknown;
  export function load(text: string, options?: { schema?: unknown; filename?: string }): unknown;
  const jsyaml: { CORE_SCHEMA: unknown; load: typeof load };
  export default jsyaml;
}
