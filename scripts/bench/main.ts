// `npm run bench`: runs every benchmark in turn, prints one table and writes
// bench/results.json. A benchmark that breaks becomes an "error" row: the
// bench reports, it never fails.
import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, totalmem } from "node:os";
import { dirname } from "node:path";
import { benchBundle } from "./bench-bundle.ts";
import { benchContract } from "./bench-contract.ts";
import { benchGeneration } from "./bench-generation.ts";
import { benchOutputSize } from "./bench-output-size.ts";
import { benchRequests } from "./bench-requests.ts";
import { benchSurface } from "./bench-surface.ts";
import { benchTypecheck } from "./bench-typecheck.ts";
import { prepareConsumers } from "./consumer-projects.ts";
import { memoryMethodNote } from "./measure-command.ts";
import { resultsFile, work } from "./paths.ts";
import { renderTable, type BenchResult } from "./report.ts";

// Run counts keep the whole bench under about 10 minutes on the shared 2-core
// machine (5-6 minutes when it is quiet): 3 rounds of everything that is
// timed. Each can be changed through the environment, e.g. BENCH_RUNS_CONTRACT=1.
const runs = (name: string, fallback: number) => Number(process.env[`BENCH_RUNS_${name}`]) || fallback;

async function safely(name: string, f: () => Promise<BenchResult> | BenchResult): Promise<BenchResult> {
  const started = performance.now();
  process.stderr.write(`bench: ${name}...\n`);
  try {
    return await f();
  } catch (e) {
    const message = (e instanceof Error ? e.message : String(e)).split("\n")[0]!;
    return {
      name,
      rows: [{ benchmark: name, subject: "(benchmark)", measured: `error: ${message}` }],
      targets: [],
      notes: [],
      data: { error: message },
    };
  } finally {
    process.stderr.write(`bench: ${name} took ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  }
}

const started = performance.now();
mkdirSync(work, { recursive: true });
const results: BenchResult[] = [];
results.push(await safely("generation", () => benchGeneration(runs("GENERATION", 3))));
prepareConsumers(); // after generation: the openapi-fetch consumer needs openapi-typescript's output
results.push(await safely("typecheck", () => benchTypecheck(runs("TYPECHECK", 3))));
results.push(await safely("bundle", () => benchBundle()));
results.push(await safely("requests", () => benchRequests(runs("REQUESTS", 3))));
results.push(await safely("contract", () => benchContract(runs("CONTRACT", 3))));
results.push(await safely("output-size", () => benchOutputSize()));
results.push(await safely("api-surface", () => benchSurface(runs("SURFACE", 20))));

const rows = results.flatMap((r) => r.rows);
const targets = results.flatMap((r) => r.targets);
const machine = {
  nproc: availableParallelism(),
  cpu: cpus()[0]?.model,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
};
const notes = [memoryMethodNote, ...results.flatMap((r) => r.notes)];
const table = renderTable(rows);
const durationS = Math.round((performance.now() - started) / 1000);

mkdirSync(dirname(resultsFile), { recursive: true });
writeFileSync(
  resultsFile,
  JSON.stringify(
    {
      date: new Date().toISOString(),
      command: "npm run bench",
      machine,
      durationS,
      targets,
      table,
      notes,
      benchmarks: Object.fromEntries(results.map((r) => [r.name, r.data])),
    },
    null,
    2,
  ) + "\n",
);

console.log(table);
console.log();
console.log(
  `Targets: ${targets.map((t) => `${t.id} ${t.verdict}`).join(", ")}. ` +
    `Machine: ${machine.nproc} cores, Node ${machine.node}. Took ${durationS} s.`,
);
for (const note of notes) console.log(`- ${note}`);
console.log(`Written to ${resultsFile}`);
