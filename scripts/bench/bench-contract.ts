// Benchmark 5: how long the contract suite takes (`npm run test:contract`), or
// n/a while the project has no such script.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { measureCommand } from "./measure-command.ts";
import { root } from "./paths.ts";
import { secs, type BenchResult } from "./report.ts";
import { median } from "./stats.ts";

// vitest's closing line, e.g. "Tests  2 failed | 580 passed (582)".
const testsLine = (out: string) =>
  /Tests\s+(.*\(\d+\))/
    // biome-ignore lint/suspicious/noControlCharactersInRegex: strips ANSI colour codes
    .exec(out.replace(/\x1b\[[0-9;]*m/g, ""))?.[1]
    ?.replace(/\s*\|\s*/g, ", ")
    .replace(/\s+/g, " ");

export async function benchContract(runs: number): Promise<BenchResult> {
  const scripts = (
    JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
      scripts?: Record<string, string>;
    }
  ).scripts;
  if (!scripts?.["test:contract"])
    return {
      name: "contract",
      rows: [{ benchmark: "5 contract suite", subject: "npm run test:contract", measured: "n/a (no such script yet)" }],
      targets: [],
      notes: [],
      data: { available: false },
    };
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const m = await measureCommand("npm", ["run", "--silent", "test:contract"], { cwd: root });
    samples.push({ wallMs: m.wallMs, cpuMs: m.cpuMs, exitCode: m.exitCode, tests: testsLine(m.stdout + m.stderr) });
  }
  const failing = samples.filter((s) => s.exitCode !== 0).length;
  return {
    name: "contract",
    rows: [
      {
        benchmark: "5 contract suite",
        subject: `npm run test:contract (wall, Prism start included; ${runs === 1 ? "1 run" : `median of ${runs}`})`,
        measured:
          `${secs(median(samples.map((s) => s.wallMs)))}; tests: ${samples.at(-1)?.tests ?? "?"}` +
          (failing ? ` (suite exited non-zero in ${failing}/${runs} runs)` : ""),
      },
    ],
    targets: [],
    notes: [],
    data: { available: true, runs, samples },
  };
}
