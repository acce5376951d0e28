// Benchmark 2: what type-checking the 3-call consumer costs, above an empty
// project with the same settings (strict, skipLibCheck false), for our SDK,
// openapi-typescript + openapi-fetch, and @digitalocean/dots; with BENCH_SPEC,
// also for our SDK generated from that spec, which must cost the consumer
// about the same: it pays for what it imports, not for the size of the API.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { consumerDir, sdkOperations, secondConsumerDir } from "./consumer-projects.ts";
import { measureCommand, type Measured } from "./measure-command.ts";
import { generatedDir, installedVersion, root, secondSdkDir, tscJs, work } from "./paths.ts";
import { deltaSecs, mb, ratio, secs, type BenchResult, type Row, type Target } from "./report.ts";
import { median, medianRatio, rotate } from "./stats.ts";

interface Check extends Omit<Measured, "stdout" | "stderr"> {
  /** tsc --extendedDiagnostics figures: Files, Types, Instantiations, Check time... */
  diagnostics: Record<string, string>;
  /** Whether tsc got through checking (it still does when it reports type errors). */
  completed: boolean;
  errorCount: number;
  /** The files the errors are in, with counts. */
  errorFiles: Record<string, number>;
  firstErrors: string[];
}

const subjects = ["empty", "ours", "ours-second", "openapi-fetch", "dots"] as const;
type Subject = (typeof subjects)[number];
const dirOf = (name: Subject): string => (name === "ours-second" ? secondConsumerDir("ours") : consumerDir(name));
/** The consumer-side cost may grow this much from the pinned SDK to BENCH_SPEC's. */
const SCALING_LIMIT = 1.5;

function parseDiagnostics(stdout: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of stdout.matchAll(/^([A-Z][\w /]+):\s+(\S+)$/gm)) out[m[1]!.trim()] = m[2]!;
  return out;
}

async function check(name: Subject): Promise<Check> {
  const m = await measureCommand(process.execPath, [tscJs, "-p", dirOf(name), "--extendedDiagnostics"], {
    cwd: root,
  });
  const errors = m.stdout.split("\n").filter((l) => /error TS\d+/.test(l));
  const errorFiles: Record<string, number> = {};
  for (const e of errors) {
    const file = e.slice(0, e.indexOf("(")).replace(/^.*\/consumers\/[^/]+\//, "");
    errorFiles[file] = (errorFiles[file] ?? 0) + 1;
  }
  const diagnostics = parseDiagnostics(m.stdout);
  const { stdout: _o, stderr: _e, ...rest } = m;
  return {
    ...rest,
    diagnostics,
    completed: "Check time" in diagnostics,
    errorCount: errors.length,
    errorFiles,
    firstErrors: errors.slice(0, 5),
  };
}

/** Why a subject cannot be checked here, if it cannot. */
function unavailable(name: Subject): string | undefined {
  if (name === "ours" && !existsSync(join(work, "node_modules/digitalocean-sdk/dist")))
    return "generated/dist is missing";
  if (name === "ours-second" && !existsSync(join(secondSdkDir, "dist")))
    return "no BENCH_SPEC given, or its generation failed";
  if (name === "openapi-fetch" && !installedVersion("openapi-fetch")) return "openapi-fetch is not installed";
  if (name === "openapi-fetch" && !existsSync(join(consumerDir(name), "schema.d.ts")))
    return "openapi-typescript produced no schema";
  if (name === "dots" && !installedVersion("@digitalocean/dots")) return "@digitalocean/dots is not installed";
  return undefined;
}

export async function benchTypecheck(runs: number): Promise<BenchResult> {
  const available = subjects.filter((s) => !unavailable(s));
  const samples = Object.fromEntries(subjects.map((s) => [s, [] as Check[]])) as Record<Subject, Check[]>;
  for (let round = 0; round < runs; round++)
    for (const name of rotate(available, round)) samples[name].push(await check(name));

  const cpu = (s: Subject) => samples[s].map((c) => c.cpuMs);
  const wall = (s: Subject) => samples[s].map((c) => c.wallMs);
  const above = (xs: number[], base: number[]) => xs.map((x, i) => x - base[i]!);
  const added = (s: Subject) => above(cpu(s), cpu("empty"));
  const ok = (s: Subject) => samples[s].length > 0 && samples[s].every((c) => c.completed);
  const vOats = installedVersion("openapi-typescript");
  const vFetch = installedVersion("openapi-fetch");
  const vDots = installedVersion("@digitalocean/dots");
  const label: Record<Subject, string> = {
    empty: "empty project (baseline: ES2022 lib + @types/node)",
    ours: `digitalocean-sdk, pinned spec, ${sdkOperations(generatedDir)} operations (Client + 3 functions, from their paths)`,
    "ours-second": `digitalocean-sdk, BENCH_SPEC, ${sdkOperations(secondSdkDir)} operations (the same consumer)`,
    "openapi-fetch": `openapi-typescript ${vOats ?? "?"} + openapi-fetch ${vFetch ?? "?"}`,
    dots: `@digitalocean/dots ${vDots ?? "?"} (Kiota pinned to 1.0.0-preview.99)`,
  };

  const compare = (other: Subject, limit: number, id: string, text: string): Target => {
    const usable = ok("ours") && ok("empty") && ok(other);
    // Per-round ratio of what each adds above the baseline, then the median.
    const r = usable ? medianRatio(added("ours"), added(other)) : NaN;
    return {
      id,
      text,
      value: usable ? r : undefined,
      verdict: usable ? (r < limit ? "PASS" : "MISS") : "n/a",
      detail: usable
        ? `adds ${ratio(r)} of what ${other} adds (target < ${limit}x)`
        : `cannot compare: ${unavailable(other) ?? unavailable("ours") ?? "a type-check failed"}`,
    };
  };
  const targets = [
    compare(
      "openapi-fetch",
      1,
      "typecheck-vs-openapi-fetch",
      "A consumer's type-check adds less time than openapi-typescript + openapi-fetch adds",
    ),
    compare("dots", 0.2, "typecheck-vs-dots", "A consumer's type-check adds under a fifth of what dots adds"),
  ];
  // What the consumer makes tsc do above the empty project: types created (tsc's own count, the same in
  // every run). Its CPU cost on these SDKs is a few hundredths of a second, below what this shared machine
  // can tell apart between runs, so a ratio of two such CPU deltas says nothing; it is shown beside.
  const addedTypes = (s: Subject) =>
    Number(samples[s][0]?.diagnostics.Types) - Number(samples.empty[0]?.diagnostics.Types);
  const scalingUsable = ok("ours") && ok("ours-second") && ok("empty");
  const scaling = scalingUsable ? addedTypes("ours-second") / addedTypes("ours") : NaN;
  const cpuScaling = scalingUsable ? medianRatio(added("ours-second"), added("ours")) : NaN;
  // Run-to-run spread of the empty project's CPU: deltas below it are noise.
  const noise = Math.max(...cpu("empty")) - Math.min(...cpu("empty"));
  const belowNoise = [added("ours"), added("ours-second")].every((xs) => Math.abs(median(xs)) < noise);
  const scalingTarget: Target = {
    id: "typecheck-scaling",
    text: `The 3-call consumer's type-check costs at most ${SCALING_LIMIT}x on BENCH_SPEC's SDK what it costs on the pinned one`,
    value: scalingUsable ? scaling : undefined,
    verdict: scalingUsable ? (scaling <= SCALING_LIMIT ? "PASS" : "MISS") : "n/a",
    detail: scalingUsable
      ? `${addedTypes("ours-second")} types added vs ${addedTypes("ours")}: ${ratio(scaling)} (target <= ${SCALING_LIMIT}x); ` +
        `CPU added ${deltaSecs(median(added("ours-second")))} vs ${deltaSecs(median(added("ours")))} (${ratio(cpuScaling)}` +
        (belowNoise ? `; both below the ${secs(noise)} spread of the empty project's CPU between rounds)` : ")")
      : `cannot compare: ${unavailable("ours-second") ?? unavailable("ours") ?? "a type-check failed"}`,
  };
  targets.push(scalingTarget);
  const operations: Partial<Record<Subject, number>> = {
    ours: sdkOperations(generatedDir),
    "ours-second": sdkOperations(secondSdkDir),
  };

  const rows: Row[] = subjects.map((s) => {
    const why = unavailable(s);
    if (why) return { benchmark: "2 type-check", subject: label[s], measured: `n/a (${why})` };
    const d = samples[s][0]!.diagnostics;
    const { errorCount, errorFiles } = samples[s][0]!;
    const where = Object.entries(errorFiles)
      .map(([file, n]) => `${n} in ${file}`)
      .join(", ");
    const base =
      s === "empty"
        ? `CPU ${secs(median(cpu(s)))}, wall ${secs(median(wall(s)))}`
        : `${deltaSecs(median(added(s)))} CPU` +
          (operations[s] ? ` (${(median(added(s)) / operations[s]!).toFixed(2)} ms per SDK operation)` : "") +
          `, ${deltaSecs(median(above(wall(s), wall("empty"))))} wall`;
    return {
      benchmark: "2 type-check",
      subject: label[s],
      measured:
        `${base}, peak ${mb(median(samples[s].map((c) => c.peakRssKb)))}, ${d.Files ?? "?"} files, ${d.Types ?? "?"} types` +
        (errorCount ? ` (tsc reports ${errorCount} errors: ${where})` : "") +
        (ok(s) ? "" : " (tsc did not complete)"),
      target:
        s === "openapi-fetch"
          ? `${targets[0]!.verdict}: ours ${targets[0]!.detail}`
          : s === "dots"
            ? `${targets[1]!.verdict}: ours ${targets[1]!.detail}`
            : undefined,
    };
  });
  return {
    name: "typecheck",
    rows,
    targets,
    notes: [
      "Type-check cost = user+sys CPU of `tsc --noEmit` minus the empty project's in the same round (the machine is shared; CPU time is steadier than wall time, which is shown too).",
    ],
    data: {
      runs,
      unavailable: Object.fromEntries(subjects.map((s) => [s, unavailable(s)])),
      samples,
      medianAddedCpuMs: Object.fromEntries(available.map((s) => [s, median(added(s))])),
      medianAddedWallMs: Object.fromEntries(available.map((s) => [s, median(above(wall(s), wall("empty")))])),
    },
  };
}
