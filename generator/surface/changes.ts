// The list a diff builds: each change tagged by its rule for the side it is
// on, and the helpers every part of the diff shares.
import { compareTypes } from "./compare-types.ts";
import { type Change, type Rule, tagFor } from "./rules.ts";
import type { OperationSurface, Side, Surface, TypeDesc } from "./types.ts";

/** A record's own entry: names come from the spec, and "constructor" must not find Object's. */
export const own = <T>(record: Record<string, T>, key: string): T | undefined =>
  Object.hasOwn(record, key) ? record[key] : undefined;

export const resourceOf = (op: OperationSurface) => op.method.slice(0, op.method.indexOf("."));
/** Placeholder names are not part of the call (path arguments are positional). */
export const httpKey = (op: OperationSurface) => op.http.replace(/\{[^}]*\}/g, "{}");

export type Where = { resource: string; subject: string; at?: string };

/** Collects changes; type comparisons resolve refs against the two surfaces' models. */
export class Changes {
  readonly list: Change[] = [];
  constructor(readonly models: { old: Surface["models"]; next: Surface["models"] }) {}

  add(rule: Rule, side: Side, where: Where, message: string): void {
    const { resource, subject, at } = where;
    this.list.push({ tag: tagFor(rule, side), rule, resource, subject, ...(at ? { at } : {}), message });
  }

  /** Every difference between two types at `at`, tagged for `side`. */
  types(before: TypeDesc, after: TypeDesc, at: string, side: Side, where: Where): void {
    for (const f of compareTypes(before, after, at, this.models))
      this.add(f.rule, side, { ...where, at: f.at }, f.message);
  }
}
