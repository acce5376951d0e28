// The one-screen run summary: what came in, what went out, what was fixed,
// and the first warnings (each cut to one line; the count says how many).
import type { GenerateResult } from "./pipeline.ts";
import { summaryLines } from "./surface/report.ts";

const WIDTH = 160;
const SHOWN_WARNINGS = 6;
const SHOWN_BREAKING = 4;

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, " ");
  return flat.length > WIDTH ? flat.slice(0, WIDTH - 1) + "…" : flat;
}

export function summary(result: GenerateResult, outDir: string, ms: number): string {
  const warnings = result.reports.flatMap((r) => r.warnings.map((w) => `${r.pass}: ${w.message}`));
  const notes = result.reports.flatMap((r) => (r.notes ?? []).map((n) => `${r.pass}: ${n}`));
  const active = result.reports.filter((r) => r.fixes.length || r.warnings.length);
  const idle = result.reports.length - active.length;
  const ops = result.api.operations;
  return [
    `digitalocean-sdk generated in ${(ms / 1000).toFixed(1)} s -> ${outDir}`,
    `  spec        ${result.specFile}`,
    `  sha256      ${result.sha256}`,
    `  operations  ${ops.length} in ${result.api.resources.length} resource groups (${ops.filter((o) => o.pagination).length} paginated)`,
    `  models      ${result.api.models.length}`,
    `  files       ${result.files}`,
    `  fixes applied (${idle} more passes had nothing to fix):`,
    ...active.map(
      (r) =>
        `    ${r.pass.padEnd(36)} ${String(r.fixes.length).padStart(5)} fixes${r.warnings.length ? `, ${r.warnings.length} warnings` : ""}`,
    ),
    ...notes.map((n, i) => `  ${i === 0 ? "notes      " : "           "} ${oneLine(n)}`),
    `  warnings    ${warnings.length}`,
    ...warnings.slice(0, SHOWN_WARNINGS).map((w) => `    ${oneLine(w)}`),
    ...(warnings.length > SHOWN_WARNINGS ? [`    … and ${warnings.length - SHOWN_WARNINGS} more`] : []),
    ...apiChangeLines(result),
  ].join("\n");
}

/** Against the previous api.json, when there was one; `npm run api-diff` gives the full list. */
function apiChangeLines(result: GenerateResult): string[] {
  const changes = result.apiChanges;
  if (!changes) return [];
  if ("problem" in changes) return [`  api changes not compared: ${oneLine(changes.problem)}`];
  const [first, ...rest] = summaryLines(changes.diff, SHOWN_BREAKING);
  return [`  api changes ${first}`, ...rest.map((l) => `    ${oneLine(l)}`)];
}
