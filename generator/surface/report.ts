// An ApiDiff for people (text grouped by resource, or a markdown changelog
// entry), for machines (JSON), and as the few lines the generate summary shows.
import type { ApiDiff } from "./diff.ts";
import { type Change, TAGS, type Tag } from "./rules.ts";

const TAG_WIDTH = Math.max(...TAGS.map((t) => t.length));

/** "dropletsList query per_page", or "Droplet.size" where the place already starts with the subject. */
const place = (c: Change) => (!c.at ? c.subject : c.at.startsWith(`${c.subject}.`) ? c.at : `${c.subject} ${c.at}`);
const line = (c: Change) => `${place(c)}: ${c.message}`;

export function countsText(diff: ApiDiff): string {
  return TAGS.map((tag) => `${diff.counts[tag]} ${tag}`).join(", ");
}

/** Grouped by resource, each line tagged; the last line is the semver verdict. */
export function textReport(diff: ApiDiff): string {
  if (!diff.changes.length) return `no API changes\nsemver: ${diff.semver}\n`;
  const out: string[] = [];
  let resource: string | undefined;
  for (const change of diff.changes) {
    if (change.resource !== resource) {
      resource = change.resource;
      out.push(resource);
    }
    out.push(`  ${change.tag.padEnd(TAG_WIDTH)}  ${line(change)}`);
  }
  out.push("", countsText(diff), `semver: ${diff.semver}`);
  return out.join("\n") + "\n";
}

const HEADINGS: Record<Tag, string> = {
  BREAKING: "Breaking changes",
  deprecated: "Deprecated",
  added: "Added",
  changed: "Changed",
};

/** A changelog entry: one section per tag, breaking first, each line naming its resource. */
export function markdownReport(diff: ApiDiff): string {
  const out = [`## API changes (semver: ${diff.semver})`, ""];
  if (!diff.changes.length) return [...out, "No API changes.", ""].join("\n");
  for (const tag of TAGS) {
    const changes = diff.changes.filter((c) => c.tag === tag);
    if (!changes.length) continue;
    out.push(`### ${HEADINGS[tag]}`, "");
    for (const c of changes) out.push(`- **${c.resource}**: \`${place(c)}\`: ${escapeMarkdown(c.message)}`);
    out.push("");
  }
  return out.join("\n");
}

/** Only what would turn prose into markup; an underscore inside a word stays as it is in CommonMark. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\*<[\]]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9]))/g, "\\$1");
}

export function jsonReport(diff: ApiDiff): string {
  return JSON.stringify(diff, null, 2) + "\n";
}

/** For the generate summary: counts and verdict since the previous api.json, then the first breaking changes. */
export function summaryLines(diff: ApiDiff, shown: number): string[] {
  const counts = diff.changes.length ? countsText(diff) : "none";
  const breaking = diff.changes.filter((c) => c.tag === "BREAKING");
  return [
    `${counts} since the previous api.json (semver: ${diff.semver})`,
    ...breaking.slice(0, shown).map((c) => `BREAKING ${c.resource}: ${line(c)}`),
    ...(breaking.length > shown ? [`… and ${breaking.length - shown} more breaking changes`] : []),
  ];
}
