// Benchmark 4: client-side cost of a small GET. Each client runs in a fresh
// process against one local server (another process, so its CPU is not
// counted): 10,000 sequential calls, then 10,000 at concurrency 50.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";
import { measureCommand } from "./measure-command.ts";
import { benchScripts, generatedDir, installedVersion, root } from "./paths.ts";
import { ratio, type BenchResult, type Row, type Target } from "./report.ts";
import { median, medianRatio, rotate } from "./stats.ts";

export const REQUESTS = 10_000;
export const CONCURRENCY = 50;
const LIMIT = 1.1;

interface Timing {
  cpuMs: number;
  wallMs: number;
}
interface ClientRun {
  sequential: Timing;
  concurrent: Timing;
}

const sdkEntry = join(generatedDir, "dist/esm/index.js");
const clients = [
  ["fetch", "raw fetch (Node's global fetch)", () => true],
  ["ours", "digitalocean-sdk imagesGet", () => existsSync(sdkEntry)],
  [
    "openapi-fetch",
    `openapi-fetch ${installedVersion("openapi-fetch") ?? ""} GET`,
    () => !!installedVersion("openapi-fetch"),
  ],
  [
    "dots",
    `@digitalocean/dots ${installedVersion("@digitalocean/dots") ?? ""} images.byImage_id().get()`,
    () => !!installedVersion("@digitalocean/dots"),
  ],
] as const;
type Kind = (typeof clients)[number][0];

function startServer(): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ["--import", "tsx", join(benchScripts, "request-server.ts")], {
    cwd: root,
    stdio: ["pipe", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) => reject(new Error(`the server exited early (${code})`)));
    createInterface({ input: child.stdout! }).once("line", (line) =>
      resolve({ child, port: (JSON.parse(line) as { port: number }).port }),
    );
  });
}

async function runClient(kind: Kind, baseUrl: string): Promise<ClientRun> {
  const args = ["--import", "tsx", join(benchScripts, "request-client.ts"), kind, baseUrl];
  const m = await measureCommand(
    process.execPath,
    [...args, pathToFileURL(sdkEntry).href, String(REQUESTS), String(CONCURRENCY)],
    { cwd: root },
  );
  if (m.exitCode !== 0) throw new Error(`${kind} client failed: ${m.stderr.slice(-500)}`);
  return JSON.parse(m.stdout.trim().split("\n").pop()!) as ClientRun;
}

const perRequestUs = (t: Timing) => (t.cpuMs * 1000) / REQUESTS;

export async function benchRequests(runs: number): Promise<BenchResult> {
  const available = clients.filter(([, , ok]) => ok()).map(([k]) => k);
  const samples = Object.fromEntries(clients.map(([k]) => [k, [] as ClientRun[]])) as Record<Kind, ClientRun[]>;
  const errors: string[] = [];
  const { child, port } = await startServer();
  try {
    for (let round = 0; round < runs; round++)
      for (const kind of rotate(available, round))
        try {
          samples[kind].push(await runClient(kind, `http://127.0.0.1:${port}`));
        } catch (e) {
          errors.push(e instanceof Error ? e.message : String(e));
        }
  } finally {
    child.stdin!.end();
    child.kill("SIGTERM");
  }

  const modes = ["sequential", "concurrent"] as const;
  const cpu = (k: Kind, mode: (typeof modes)[number]) => samples[k].map((s) => s[mode].cpuMs);
  const complete = (k: Kind) => samples[k].length === runs;
  const ratios = Object.fromEntries(
    modes.map((mode) => [
      mode,
      complete("ours") && complete("fetch") ? medianRatio(cpu("ours", mode), cpu("fetch", mode)) : NaN,
    ]),
  ) as Record<(typeof modes)[number], number>;
  const worst = Math.max(ratios.sequential, ratios.concurrent);
  const target: Target = {
    id: "request-cpu",
    text: "The CPU cost per request is within 10% of raw fetch",
    value: Number.isFinite(worst) ? worst : undefined,
    verdict: !Number.isFinite(worst) ? "n/a" : worst <= LIMIT ? "PASS" : "MISS",
    detail: Number.isFinite(worst)
      ? `${ratio(ratios.sequential)} raw fetch's CPU sequential, ${ratio(ratios.concurrent)} at concurrency ${CONCURRENCY} (target <= ${LIMIT}x)`
      : "ours or raw fetch did not complete",
  };
  const rows: Row[] = clients.map(([k, label]) => {
    if (!samples[k].length)
      return { benchmark: "4 requests", subject: label, measured: "n/a (not available or failed)" };
    const cell = (mode: (typeof modes)[number]) => {
      const t = samples[k].map((s) => s[mode]);
      const us = median(t.map(perRequestUs));
      const wall = median(t.map((x) => x.wallMs)) / 1000;
      const vsFetch =
        k !== "fetch" && complete(k) && complete("fetch")
          ? `, ${ratio(medianRatio(cpu(k, mode), cpu("fetch", mode)))} fetch`
          : "";
      return `${us.toFixed(0)} us CPU/req${vsFetch}, ${wall.toFixed(2)} s wall`;
    };
    return {
      benchmark: "4 requests",
      subject: label,
      measured: `seq: ${cell("sequential")}; c=${CONCURRENCY}: ${cell("concurrent")}`,
      target: k === "ours" ? `${target.verdict}: ${target.detail}` : undefined,
    };
  });
  return {
    name: "requests",
    rows,
    targets: [target],
    notes: [
      `Request overhead: ${REQUESTS} sequential GETs then ${REQUESTS} at concurrency ${CONCURRENCY} per client process, after 1,000 warm-up calls; CPU = process.cpuUsage() of the client; the server runs in its own process on 127.0.0.1.`,
    ],
    data: { runs, requests: REQUESTS, concurrency: CONCURRENCY, samples, cpuRatioVsFetch: ratios, errors },
  };
}
