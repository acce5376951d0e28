// Starts the locally installed Prism mock server on 127.0.0.1 and a free
// port, waits until it answers, and stops it again (its whole process group),
// so contract tests and ad-hoc runs never leave an orphaned mock behind.
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";

export interface PrismOptions {
  /** The OpenAPI document to mock. */
  spec: string;
  /** Extra CLI arguments after `mock`; default `--errors`. */
  args?: readonly string[];
  /** Upper bound on the whole start-up, in ms. */
  startTimeout?: number;
  /** The script node runs; default the local Prism CLI (tests pass stand-ins that die or never listen). */
  entry?: string;
}

export interface PrismServer {
  baseUrl: string;
  pid: number;
  /** Prism's recent output, for error messages. */
  output(): string;
  /** Why the process ended ("exited with code 1"), or undefined while it runs. */
  exitReason(): string | undefined;
  stop(): Promise<void>;
}

/** A port nobody listens on right now: bind port 0, read it, release it. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/** The CLI entry of the locally installed @stoplight/prism-cli (never a global one). */
export function prismEntry(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("@stoplight/prism-cli/package.json")), "dist", "index.js");
}

/** Keeps only the last `max` characters of a stream, so a chatty process cannot fill memory. */
function tail(max: number) {
  let text = "";
  return {
    push: (chunk: Buffer) => {
      text = (text + chunk.toString("utf8")).slice(-max);
    },
    text: () => text,
  };
}

/** Signals the group the detached child leads: Prism and anything it forked, even after Prism itself has exited. */
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

export async function startPrism(options: PrismOptions): Promise<PrismServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const args = [
    options.entry ?? prismEntry(),
    "mock",
    ...(options.args ?? ["--errors"]),
    "-h",
    "127.0.0.1",
    "-p",
    String(port),
    options.spec,
  ];
  const child = spawn(process.execPath, args, { detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const stdout = tail(8_000);
  const stderr = tail(8_000);
  child.stdout!.on("data", stdout.push);
  child.stderr!.on("data", stderr.push);
  let exitReason: string | undefined;
  const exited = new Promise<string>((resolve) => {
    child.once("error", (e) => {
      exitReason = `could not start: ${e.message}`;
      resolve(exitReason);
    });
    child.once("exit", (code, signal) => {
      exitReason = `exited with ${signal ?? `code ${code}`}`;
      resolve(exitReason);
    });
  });
  // Last resort if the test runner exits without calling stop (process.kill is synchronous).
  const onExit = () => killGroup(child, "SIGKILL");
  process.once("exit", onExit);
  const output = () => `--- prism stderr ---\n${stderr.text()}\n--- prism stdout (tail) ---\n${stdout.text()}`;

  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      killGroup(child, "SIGTERM");
      const timer = setTimeout(() => killGroup(child, "SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
      // Whatever Prism forked and left behind goes too.
      killGroup(child, "SIGKILL");
      process.off("exit", onExit);
    })());

  try {
    await waitUntilAnswering(baseUrl, options.startTimeout ?? 90_000, exited);
  } catch (e) {
    await stop();
    throw new Error(`Prism (${args.slice(1).join(" ")}) did not come up: ${(e as Error).message}\n${output()}`);
  }
  return { baseUrl, pid: child.pid!, output, exitReason: () => exitReason, stop };
}

/** Polls until any HTTP answer arrives; fails early when the process dies, and after `limit` ms at most. */
async function waitUntilAnswering(baseUrl: string, limit: number, exited: Promise<string>): Promise<void> {
  let dead: string | undefined;
  void exited.then((why) => (dead = why));
  const deadline = Date.now() + limit;
  for (;;) {
    if (dead) throw new Error(`the process ${dead}`);
    try {
      // Any status (Prism says 404 for "/") proves the server is listening and routing.
      await fetch(baseUrl + "/", { signal: AbortSignal.timeout(2_000) }).then((r) => r.arrayBuffer());
      return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`no answer from ${baseUrl} within ${limit} ms`);
    await Promise.race([new Promise((r) => setTimeout(r, 250)), exited]);
  }
}
