// The rules of the API diff in one table: each kind of change, and the tag it
// gets where the app sends the value (request) and where it receives it
// (response). README.md's "API changes and semver" section is this table in
// prose; a unit test checks that every rule here is named there.
import type { Side } from "./types.ts";

export type Tag = "BREAKING" | "changed" | "deprecated" | "added";

/** Most severe first: a change that is breaking on one side is breaking. */
export const TAGS: readonly Tag[] = ["BREAKING", "changed", "deprecated", "added"];

export interface Change {
  tag: Tag;
  /** Which rule decided, e.g. "parameter.required" (see RULES). */
  rule: string;
  /** Resource group: the client property of an operation, the declaring file of a model, or "package". */
  resource: string;
  /** The function, model, waiter or export the change is about. */
  subject: string;
  /** Where inside the subject, e.g. "query per_page" or "Droplet.size"; absent for the subject as a whole. */
  at?: string;
  message: string;
}

/** [request, response]: the tag on each side. One-sided rules give both the same tag. */
export const RULES = {
  "operation.removed": ["BREAKING", "BREAKING"],
  "operation.added": ["added", "added"],
  "operation.renamed": ["BREAKING", "BREAKING"],
  "operation.renamed-kept": ["deprecated", "deprecated"],
  "operation.operation-id-changed": ["changed", "changed"],
  "operation.http-changed": ["BREAKING", "BREAKING"],
  "operation.deprecated": ["deprecated", "deprecated"],
  "operation.undeprecated": ["changed", "changed"],
  "operation.pagination-removed": ["BREAKING", "BREAKING"],
  "operation.pagination-added": ["added", "added"],
  "parameter.removed": ["BREAKING", "BREAKING"],
  "parameter.added": ["added", "added"],
  "parameter.added-required": ["BREAKING", "BREAKING"],
  "parameter.required": ["BREAKING", "BREAKING"],
  "parameter.optional": ["changed", "changed"],
  "parameter.deprecated": ["deprecated", "deprecated"],
  "parameter.path-changed": ["BREAKING", "BREAKING"],
  "body.added": ["added", "added"],
  "body.added-required": ["BREAKING", "BREAKING"],
  "body.removed": ["BREAKING", "BREAKING"],
  "body.required": ["BREAKING", "BREAKING"],
  "body.optional": ["changed", "changed"],
  "body.mode-changed": ["BREAKING", "BREAKING"],
  "response.kind-changed": ["BREAKING", "BREAKING"],
  "field.removed": ["BREAKING", "BREAKING"],
  "field.added": ["added", "added"],
  "field.added-required": ["BREAKING", "added"],
  "field.required": ["BREAKING", "changed"],
  "field.optional": ["changed", "BREAKING"],
  "field.deprecated": ["deprecated", "deprecated"],
  "enum.value-removed": ["BREAKING", "changed"],
  "enum.value-added": ["added", "changed"],
  "type.widened": ["changed", "BREAKING"],
  "type.narrowed": ["BREAKING", "changed"],
  "type.changed": ["BREAKING", "BREAKING"],
  "model.removed": ["BREAKING", "BREAKING"],
  "model.renamed": ["BREAKING", "BREAKING"],
  "model.added": ["added", "added"],
  "model.deprecated": ["deprecated", "deprecated"],
  "waiter.removed": ["BREAKING", "BREAKING"],
  "waiter.added": ["added", "added"],
  "waiter.changed": ["changed", "changed"],
  "alias.removed": ["BREAKING", "BREAKING"],
  "alias.added": ["deprecated", "deprecated"],
  "export.removed": ["BREAKING", "BREAKING"],
  "export.added": ["added", "added"],
} as const satisfies Record<string, readonly [Tag, Tag]>;

export type Rule = keyof typeof RULES;

/** The tag of a rule on a side; on both sides, the more severe of the two. */
export function tagFor(rule: Rule, side: Side): Tag {
  const [request, response] = RULES[rule];
  if (side === "request") return request;
  if (side === "response") return response;
  return TAGS.indexOf(request) <= TAGS.indexOf(response) ? request : response;
}

export function semverOf(changes: readonly Change[]): "major" | "minor" | "patch" {
  if (changes.some((c) => c.tag === "BREAKING")) return "major";
  return changes.length ? "minor" : "patch";
}
