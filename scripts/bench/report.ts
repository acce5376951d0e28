// The shapes every benchmark returns, the unit formatting, and the one table
// `npm run bench` prints.
export type Verdict = "PASS" | "MISS" | "n/a";

export interface Row {
  benchmark: string;
  subject: string;
  measured: string;
  /** The target check this row carries, e.g. "PASS: 0.41x openapi-typescript (target <= 2x)". */
  target?: string;
}

export interface Target {
  id: string;
  text: string;
  /** The measured figure the verdict is on (a ratio, or bytes). */
  value?: number;
  verdict: Verdict;
  detail: string;
}

export interface BenchResult {
  name: string;
  rows: Row[];
  targets: Target[];
  notes: string[];
  data: unknown;
}

export const secs = (ms: number): string =>
  Number.isFinite(ms) ? (ms >= 10_000 ? (ms / 1000).toFixed(1) : (ms / 1000).toFixed(2)) + " s" : "n/a";

/** A difference in seconds with its sign, e.g. "+1.20 s" or "-0.40 s". */
export const deltaSecs = (ms: number): string => (ms < 0 ? "-" : "+") + secs(Math.abs(ms));

export const mb = (kb: number): string => (Number.isFinite(kb) ? (kb / 1024).toFixed(0) + " MB" : "n/a");

export const bytes = (n: number): string =>
  !Number.isFinite(n)
    ? "n/a"
    : n >= 1024 * 1024
      ? (n / 1024 / 1024).toFixed(2) + " MB"
      : n >= 1024
        ? (n / 1024).toFixed(1) + " KB"
        : n + " B";

export const ratio = (x: number): string => (Number.isFinite(x) ? x.toFixed(2) + "x" : "n/a");

export function targetCell(t: Target): string {
  return `${t.verdict}: ${t.detail}`;
}

/** A plain-text table with aligned columns (also valid Markdown). */
export function renderTable(rows: readonly Row[]): string {
  const header = ["#", "benchmark", "subject", "measured (median)", "target"];
  const body = rows.map((r, i) => [String(i + 1), r.benchmark, r.subject, r.measured, r.target ?? ""]);
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((b) => b[c]!.length)));
  const line = (cells: string[]) => "| " + cells.map((cell, c) => cell.padEnd(widths[c]!)).join(" | ") + " |";
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...body.map(line)].join("\n");
}
