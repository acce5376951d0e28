// Runs one command and measures it the same way for every benchmark: wall time
// from here, CPU time and peak memory from GNU time when the machine has it,
// else from polling /proc (the method is recorded so the report can say which).
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface Measured {
  wallMs: number;
  /** User + system CPU of the command and its children. */
  cpuMs: number;
  /** Peak resident memory of the largest single process, in KiB. */
  peakRssKb: number;
  exitCode: number;
  stdout: string;
  stderr: string;
}

const GNU_TIME = "/usr/bin/time";

export const memoryMethod: "gnu-time" | "proc-polling" = existsSync(GNU_TIME) ? "gnu-time" : "proc-polling";

export const memoryMethodNote =
  memoryMethod === "gnu-time"
    ? "peak memory = GNU /usr/bin/time max RSS (largest single process); CPU = its user+sys"
    : "peak memory = max RSS of any process in the tree, polled from /proc every 20 ms; CPU = utime+stime from /proc at the last poll";

interface Options {
  cwd: string;
  env?: NodeJS.ProcessEnv;
}

export function measureCommand(cmd: string, args: string[], options: Options): Promise<Measured> {
  return memoryMethod === "gnu-time" ? withGnuTime(cmd, args, options) : withPolling(cmd, args, options);
}

function run(
  cmd: string,
  args: string[],
  { cwd, env }: Options,
  onSpawn: (pid: number) => void = () => {},
): Promise<Omit<Measured, "cpuMs" | "peakRssKb">> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, args, { cwd, env: env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    if (child.pid) onSpawn(child.pid);
    child.on("error", reject);
    child.on("close", (code) => resolve({ wallMs: performance.now() - started, exitCode: code ?? 1, stdout, stderr }));
  });
}

async function withGnuTime(cmd: string, args: string[], options: Options): Promise<Measured> {
  const dir = mkdtempSync(join(tmpdir(), "bench-time-"));
  const out = join(dir, "time.txt");
  try {
    // -o keeps GNU time's figures apart from the command's own stderr.
    const result = await run(GNU_TIME, ["-o", out, "-f", "%U %S %M", cmd, ...args], options);
    const last = readFileSync(out, "utf8").trim().split("\n").pop() ?? "";
    const [user, sys, rss] = last.split(" ").map(Number);
    return { ...result, cpuMs: ((user ?? 0) + (sys ?? 0)) * 1000, peakRssKb: rss ?? 0 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** RSS of each process in the tree under root, and the tree's CPU ticks (own + reaped children). */
function sampleTree(root: number): { rssKb: number[]; cpuTicks: number } {
  const procs = new Map<number, { ppid: number; rssKb: number; ticks: number }>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      // Fields after the parenthesised command name; see proc(5).
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const ticks = Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
      const status = readFileSync(`/proc/${name}/status`, "utf8");
      const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      procs.set(Number(name), { ppid: Number(f[1]), rssKb, ticks });
    } catch {
      // The process ended between readdir and read.
    }
  }
  const inTree = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, p] of procs)
      if (!inTree.has(pid) && inTree.has(p.ppid)) {
        inTree.add(pid);
        grew = true;
      }
  }
  const members = [...procs].filter(([pid]) => inTree.has(pid)).map(([, p]) => p);
  return { rssKb: members.map((p) => p.rssKb), cpuTicks: members.reduce((s, p) => s + p.ticks, 0) };
}

async function withPolling(cmd: string, args: string[], options: Options): Promise<Measured> {
  let peakRssKb = 0;
  let cpuTicks = 0;
  let timer: NodeJS.Timeout | undefined;
  const result = await run(cmd, args, options, (pid) => {
    timer = setInterval(() => {
      const s = sampleTree(pid);
      peakRssKb = Math.max(peakRssKb, ...s.rssKb);
      cpuTicks = Math.max(cpuTicks, s.cpuTicks);
    }, 20);
  });
  clearInterval(timer);
  // USER_HZ is 100 on Linux.
  return { ...result, cpuMs: cpuTicks * 10, peakRssKb };
}
