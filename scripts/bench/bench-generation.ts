// Benchmark 1: generating from the pinned spec, our generator (everything
// `npm run generate` does, build included) against the openapi-typescript CLI.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { openapiTsSchema } from "./consumer-projects.ts";
import { measureCommand, type Measured } from "./measure-command.ts";
import { installedVersion, openapiTsCli, root, specFile, tsxCli, work } from "./paths.ts";
import { mb, ratio, secs, type BenchResult, type Row, type Target } from "./report.ts";
import { median, medianRatio, rotate } from "./stats.ts";
import { withoutDanglingMappings } from "./spec-without-dangling-mappings.ts";

const summary = (runs: Measured[]) => ({
  wallMs: median(runs.map((r) => r.wallMs)),
  cpuMs: median(runs.map((r) => r.cpuMs)),
  peakRssKb: median(runs.map((r) => r.peakRssKb)),
  failed: runs.filter((r) => r.exitCode !== 0).length,
});

const describe = (s: ReturnType<typeof summary>, runs: number): string =>
  `wall ${secs(s.wallMs)}, CPU ${secs(s.cpuMs)}, peak ${mb(s.peakRssKb)}` +
  (s.failed ? ` (${s.failed}/${runs} runs FAILED)` : "");

export async function benchGeneration(runs: number): Promise<BenchResult> {
  const oatsVersion = installedVersion("openapi-typescript");
  const { doc, removed } = withoutDanglingMappings(JSON.parse(readFileSync(specFile, "utf8")));
  const oatsSpec = join(work, "openapi-typescript", "spec.json");
  mkdirSync(dirname(oatsSpec), { recursive: true });
  writeFileSync(oatsSpec, JSON.stringify(doc));
  const outDir = join(work, "generate-out");

  const subjects = {
    ours: () => {
      rmSync(outDir, { recursive: true, force: true });
      return measureCommand(process.execPath, [tsxCli, "generator/cli.ts", "--out", outDir], { cwd: root });
    },
    oats: () => {
      rmSync(openapiTsSchema, { force: true });
      return measureCommand(process.execPath, [openapiTsCli, oatsSpec, "-o", openapiTsSchema], { cwd: root });
    },
  };
  const names = oatsVersion ? (["ours", "oats"] as const) : (["ours"] as const);
  const samples: Record<string, Measured[]> = { ours: [], oats: [] };
  for (let round = 0; round < runs; round++)
    for (const name of rotate(names, round)) samples[name]!.push(await subjects[name]());
  rmSync(outDir, { recursive: true, force: true });

  const ours = summary(samples.ours!);
  const oats = summary(samples.oats!);
  const r = medianRatio(
    samples.ours!.map((s) => s.wallMs),
    samples.oats!.map((s) => s.wallMs),
  );
  const cpuRatio = medianRatio(
    samples.ours!.map((s) => s.cpuMs),
    samples.oats!.map((s) => s.cpuMs),
  );
  const usable = oatsVersion && !ours.failed && !oats.failed;
  const target: Target = {
    id: "generation-time",
    text: "Generation time is at most 2x openapi-typescript's",
    value: usable ? r : undefined,
    verdict: usable ? (r <= 2 ? "PASS" : "MISS") : "n/a",
    detail: usable
      ? `${ratio(r)} openapi-typescript's wall time (target <= 2x; CPU time: ${ratio(cpuRatio)})`
      : oatsVersion
        ? "a generator run failed"
        : "openapi-typescript is not installed in scripts/bench",
  };
  const rows: Row[] = [
    {
      benchmark: "1 generation",
      subject: "digitalocean-sdk: npm run generate (normalise, emit, format, build ESM+CJS)",
      measured: describe(ours, runs),
      target: `${target.verdict}: ${target.detail}`,
    },
    {
      benchmark: "1 generation",
      subject: oatsVersion
        ? `openapi-typescript ${oatsVersion} -> one .d.ts (spec copy minus its ${removed} dangling discriminator mappings)`
        : "openapi-typescript (not installed)",
      measured: oatsVersion ? describe(oats, runs) : "n/a",
    },
  ];
  return {
    name: "generation",
    rows,
    targets: [target],
    notes: [
      `openapi-typescript aborts on the pinned spec; it was given a copy with the ${removed} discriminator mapping entries that point nowhere removed.`,
    ],
    data: {
      runs,
      danglingMappingsRemoved: removed,
      openapiTypescriptVersion: oatsVersion,
      ours: { median: ours, samples: samples.ours!.map(({ stdout: _o, stderr: _e, ...m }) => m) },
      openapiTypescript: { median: oats, samples: samples.oats!.map(({ stdout: _o, stderr: _e, ...m }) => m) },
      wallRatio: r,
      cpuRatio,
      failures: [...samples.ours!, ...samples.oats!].filter((s) => s.exitCode !== 0).map((s) => s.stderr.slice(-2000)),
    },
  };
}
