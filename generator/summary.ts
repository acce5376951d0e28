// The one-screen run summary: what came in, what went out, what was fixed,
// then notes and warnings, each cut to one line. Messages of one kind (the
// same text but for quoted names, pointers and numbers) are one line with a
// count; `--verbose` lists every message in full.
import type { GenerateResult } from "./pipeline.ts";
import { summaryLines } from "./surface/report.ts";
import { type RunTimings, STEPS, slowest } from "./timings.ts";

const WIDTH = 160;
const SHOWN_WARNINGS = 6;
const SHOWN_BREAKING = 4;
const SHOWN_SLOWEST = 5;

/** A note in lines of the summary's width, since it may list names that all matter. */
function wrapped(text: string): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > WIDTH) {
      lines.push(line);
      line = `  ${word}`;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line];
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, " ");
  return flat.length > WIDTH ? flat.slice(0, WIDTH - 1) + "…" : flat;
}

/** The kind of a message: its text with names, pointers and numbers left out. */
export function messageKind(message: string): string {
  return message
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, "…")
    .replace(/(?:#|\$)[^\s,;)]*/g, "…")
    .replace(/\d+/g, "N");
}

/** One line per kind of message, the first of each with how many more there are like it. */
export function grouped(messages: readonly string[]): string[] {
  const kinds = new Map<string, { first: string; count: number }>();
  for (const message of messages) {
    const kind = messageKind(message);
    const seen = kinds.get(kind);
    if (seen) seen.count++;
    else kinds.set(kind, { first: message, count: 1 });
  }
  return [...kinds.values()].map(({ first, count }) =>
    count > 1 ? `${first} (and ${count - 1} more like it)` : first,
  );
}

export function summary(result: GenerateResult, outDir: string, ms: number, verbose = false): string {
  const allWarnings = result.reports.flatMap((r) =>
    r.warnings.map((w) => `${r.pass}: ${w.message}${w.pointer ? ` (at ${w.pointer})` : ""}`),
  );
  const allNotes = result.reports.flatMap((r) =>
    [...(r.notes ?? []), ...(verbose ? (r.details ?? []) : [])].map((n) => `${r.pass}: ${n}`),
  );
  const warnings = verbose ? allWarnings : grouped(allWarnings).map(oneLine);
  const notes = verbose ? allNotes.flatMap(wrapped) : grouped(allNotes).map(oneLine);
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
    ...timingLines(result.timings, verbose),
    `  fixes applied (${idle} more passes had nothing to fix):`,
    ...active.map(
      (r) =>
        `    ${r.pass.padEnd(36)} ${String(r.fixes.length).padStart(5)} fixes${r.warnings.length ? `, ${r.warnings.length} warnings` : ""}`,
    ),
    ...notes.map((n, i) => `  ${i === 0 ? "notes      " : "           "} ${n}`),
    `  warnings    ${allWarnings.length}`,
    ...(verbose ? warnings : warnings.slice(0, SHOWN_WARNINGS)).map((w) => `    ${w}`),
    ...(!verbose && warnings.length > SHOWN_WARNINGS
      ? [`    … and ${warnings.length - SHOWN_WARNINGS} more kinds (--verbose lists them all)`]
      : []),
    ...apiChangeLines(result),
  ].join("\n");
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

/** One line of per-step times; with --verbose, the slowest passes and files too. */
export function timingLines(timings: RunTimings, verbose: boolean): string[] {
  const steps = STEPS.filter((step) => timings.steps[step] !== undefined);
  const lines = [`  time        ${steps.map((step) => `${step} ${seconds(timings.steps[step]!)}`).join(", ")}`];
  if (!verbose) return lines;
  const list = (label: string, entries: [string, number][]) =>
    entries.map(
      ([name, ms], i) => `  ${i === 0 ? label.padEnd(11) : " ".repeat(11)} ${seconds(ms).padStart(7)}  ${name}`,
    );
  return [
    ...lines,
    ...list(
      "slow passes",
      slowest(
        timings.passes.map((p) => [p.name, p.ms] as const),
        SHOWN_SLOWEST,
      ),
    ),
    ...list("slow files", slowest(timings.files, SHOWN_SLOWEST)),
  ];
}

/** Against the previous api.json, when there was one; `npm run api-diff` gives the full list. */
function apiChangeLines(result: GenerateResult): string[] {
  const changes = result.apiChanges;
  if (!changes) return [];
  if ("problem" in changes) return [`  api changes not compared: ${oneLine(changes.problem)}`];
  const [first, ...rest] = summaryLines(changes.diff, SHOWN_BREAKING);
  return [`  api changes ${first}`, ...rest.map((l) => `    ${oneLine(l)}`)];
}
