// Benchmark 1: generating, our generator (everything `npm run generate` does,
// build included) against the openapi-typescript CLI on the same input: the
// pinned spec, and a second spec given as BENCH_SPEC=<entry file> (e.g.
// DigitalOcean's own newest multi-file spec). Each subject's median of the
// rounds, the per-round ratio, and seconds per operation, which shows whether
// the cost grows faster than the API.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { openapiTsSchema } from "./consumer-projects.ts";
import { measureCommand, type Measured } from "./measure-command.ts";
import { compileIfStale } from "../generator-launcher.mjs";
import { installedVersion, openapiTsCli, root, secondSdkDir, secondSpec, specFile, work } from "./paths.ts";
import { mb, ratio, secs, type BenchResult, type Row, type Target } from "./report.ts";
import { median, medianRatio, rotate } from "./stats.ts";
import { withoutDanglingMappings } from "./spec-without-dangling-mappings.ts";

const LIMIT = 3;

const summary = (runs: Measured[]) => ({
  wallMs: median(runs.map((r) => r.wallMs)),
  cpuMs: median(runs.map((r) => r.cpuMs)),
  peakRssKb: median(runs.map((r) => r.peakRssKb)),
  failed: runs.filter((r) => r.exitCode !== 0).length,
});

const perOperation = (ms: number, operations: number) => `${(ms / 1000 / operations).toFixed(4)} s/op`;

const describe = (s: ReturnType<typeof summary>, runs: number, operations: number): string =>
  `wall ${secs(s.wallMs)} (${perOperation(s.wallMs, operations)}), CPU ${secs(s.cpuMs)}, peak ${mb(s.peakRssKb)}` +
  (s.failed ? ` (${s.failed}/${runs} runs FAILED)` : "");

/** The operation count our summary printed ("operations  290 in 36 resource groups"). */
function operationsIn(runs: Measured[]): number {
  const counts = runs.map((r) => Number(/operations\s+(\d+) in/.exec(r.stdout)?.[1])).filter(Number.isFinite);
  return counts[0] ?? NaN;
}

interface Input {
  /** "pinned" or "BENCH_SPEC". */
  id: string;
  label: string;
  /** What our CLI is given (none: the pinned spec). */
  ourArgs: string[];
  /** What openapi-typescript is given. */
  oatsInput: string;
  outDir: string;
  oatsOut: string;
}

interface Generated {
  input: Input;
  ours: ReturnType<typeof summary>;
  oats: ReturnType<typeof summary>;
  operations: number;
  wallRatio: number;
  cpuRatio: number;
  samples: { ours: Measured[]; oats: Measured[] };
}

async function generateBoth(input: Input, runs: number, withOats: boolean): Promise<Generated> {
  // A changed generator is compiled once here, not inside the first timed round.
  await compileIfStale(join(root, "generator"), join(root, ".generator"));
  const subjects = {
    ours: () => {
      rmSync(input.outDir, { recursive: true, force: true });
      // What `npm run generate` runs (the generator compiled to JavaScript once, before the rounds).
      return measureCommand(process.execPath, ["scripts/generate.mjs", ...input.ourArgs, "--out", input.outDir], {
        cwd: root,
      });
    },
    oats: () => {
      rmSync(input.oatsOut, { force: true });
      return measureCommand(process.execPath, [openapiTsCli, input.oatsInput, "-o", input.oatsOut], { cwd: root });
    },
  };
  const names = withOats ? (["ours", "oats"] as const) : (["ours"] as const);
  const samples: Record<string, Measured[]> = { ours: [], oats: [] };
  for (let round = 0; round < runs; round++)
    for (const name of rotate(names, round)) samples[name]!.push(await subjects[name]());
  return {
    input,
    ours: summary(samples.ours!),
    oats: summary(samples.oats!),
    operations: operationsIn(samples.ours!),
    wallRatio: medianRatio(
      samples.ours!.map((s) => s.wallMs),
      samples.oats!.map((s) => s.wallMs),
    ),
    cpuRatio: medianRatio(
      samples.ours!.map((s) => s.cpuMs),
      samples.oats!.map((s) => s.cpuMs),
    ),
    samples: { ours: samples.ours!, oats: samples.oats! },
  };
}

function timeTarget(g: Generated, oatsVersion: string | undefined): Target {
  const usable = oatsVersion && !g.ours.failed && !g.oats.failed;
  return {
    id: g.input.id === "pinned" ? "generation-time" : "generation-time-second-spec",
    text: `Generation time is at most ${LIMIT}x openapi-typescript's (${g.input.label})`,
    value: usable ? g.wallRatio : undefined,
    verdict: usable ? (g.wallRatio <= LIMIT ? "PASS" : "MISS") : "n/a",
    detail: usable
      ? `${ratio(g.wallRatio)} openapi-typescript's wall time (target <= ${LIMIT}x; CPU time: ${ratio(g.cpuRatio)})`
      : oatsVersion
        ? "a generator run failed"
        : "openapi-typescript is not installed in scripts/bench",
  };
}

function rows(g: Generated, target: Target, runs: number, oatsVersion: string | undefined, removed: number): Row[] {
  const oatsWhat =
    g.input.id === "pinned"
      ? `one .d.ts (spec copy minus its ${removed} dangling discriminator mappings)`
      : "one .d.ts from the same entry file";
  return [
    {
      benchmark: "1 generation",
      subject: `digitalocean-sdk: npm run generate, ${g.input.label}, ${g.operations} operations (load, normalise, emit, format, build ESM+CJS)`,
      measured: describe(g.ours, runs, g.operations),
      target: `${target.verdict}: ${target.detail}`,
    },
    {
      benchmark: "1 generation",
      subject: oatsVersion
        ? `openapi-typescript ${oatsVersion}, ${g.input.label} -> ${oatsWhat}`
        : "openapi-typescript",
      measured: oatsVersion ? describe(g.oats, runs, g.operations) : "n/a (not installed)",
    },
  ];
}

const withoutOutput = (samples: Measured[]) => samples.map(({ stdout: _o, stderr: _e, ...m }) => m);

export async function benchGeneration(runs: number): Promise<BenchResult> {
  const oatsVersion = installedVersion("openapi-typescript");
  const { doc, removed } = withoutDanglingMappings(JSON.parse(readFileSync(specFile, "utf8")));
  const oatsSpec = join(work, "openapi-typescript", "spec.json");
  mkdirSync(dirname(oatsSpec), { recursive: true });
  writeFileSync(oatsSpec, JSON.stringify(doc));

  const inputs: Input[] = [
    {
      id: "pinned",
      label: "pinned spec",
      ourArgs: [],
      oatsInput: oatsSpec,
      outDir: join(work, "generate-out"),
      oatsOut: openapiTsSchema,
    },
  ];
  if (secondSpec)
    inputs.push({
      id: "BENCH_SPEC",
      label: `BENCH_SPEC ${secondSpec.replace(/^.*\/(?=[^/]+\/[^/]+$)/, "…/")}`,
      ourArgs: ["--spec", secondSpec],
      oatsInput: secondSpec,
      outDir: join(work, "generate-second"),
      oatsOut: join(work, "openapi-typescript", "second.d.ts"),
    });
  const results: Generated[] = [];
  for (const input of inputs) results.push(await generateBoth(input, runs, !!oatsVersion));
  // The second spec's last build is the SDK its consumers are checked and bundled against.
  const second = results[1];
  rmSync(secondSdkDir, { recursive: true, force: true });
  if (second && !second.ours.failed) {
    mkdirSync(secondSdkDir, { recursive: true });
    cpSync(join(second.input.outDir, "package.json"), join(secondSdkDir, "package.json"));
    cpSync(join(second.input.outDir, "dist"), join(secondSdkDir, "dist"), { recursive: true });
  }
  for (const input of inputs) rmSync(input.outDir, { recursive: true, force: true });

  const targets = results.map((g) => timeTarget(g, oatsVersion));
  const secondsPerOp = results.map((g) => g.ours.wallMs / g.operations);
  if (second) {
    const growth = secondsPerOp[1]! / secondsPerOp[0]!;
    targets.push({
      id: "generation-linear",
      text: "Generation cost grows at most linearly with the number of operations",
      value: growth,
      verdict: Number.isFinite(growth) ? (growth <= 1 ? "PASS" : "MISS") : "n/a",
      detail: `wall time per operation on BENCH_SPEC (${second.operations} ops) is ${ratio(growth)} that on the pinned spec (${results[0]!.operations} ops); target <= 1x`,
    });
  }
  const allRows = results.flatMap((g, i) => rows(g, targets[i]!, runs, oatsVersion, removed));
  if (second) allRows[2]!.target = `${allRows[2]!.target}; ${targets[2]!.verdict}: ${targets[2]!.detail}`;
  return {
    name: "generation",
    rows: allRows,
    targets,
    notes: [
      `openapi-typescript aborts on the pinned spec; it was given a copy with the ${removed} discriminator mapping entries that point nowhere removed.`,
      ...(second ? [] : ["No BENCH_SPEC was given: generation and type-check ran on the pinned spec only."]),
    ],
    data: {
      runs,
      danglingMappingsRemoved: removed,
      openapiTypescriptVersion: oatsVersion,
      inputs: results.map((g) => ({
        id: g.input.id,
        spec: g.input.id === "pinned" ? specFile : secondSpec,
        operations: g.operations,
        secondsPerOperation: { ours: g.ours.wallMs / 1000 / g.operations, oats: g.oats.wallMs / 1000 / g.operations },
        ours: { median: g.ours, samples: withoutOutput(g.samples.ours) },
        openapiTypescript: { median: g.oats, samples: withoutOutput(g.samples.oats) },
        wallRatio: g.wallRatio,
        cpuRatio: g.cpuRatio,
        failures: [...g.samples.ours, ...g.samples.oats]
          .filter((s) => s.exitCode !== 0)
          .map((s) => s.stderr.slice(-2000)),
      })),
    },
  };
}
