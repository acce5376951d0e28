// The Prism launcher's failure paths, with stand-in scripts instead of Prism:
// a process that dies early must be reported with its output, and one that
// never answers must be given up on and killed with everything it started.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { freePort, startPrism } from "../../scripts/prism/prism-server.ts";

const dir = mkdtempSync(join(tmpdir(), "prism-server-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function script(name: string, source: string): string {
  const path = join(dir, name);
  writeFileSync(path, source);
  return path;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Waits for the condition on the event loop, giving up after `tries` turns of 50 ms. */
async function eventually(condition: () => boolean, tries = 100): Promise<boolean> {
  for (let i = 0; i < tries && !condition(); i++) await new Promise((r) => setTimeout(r, 50));
  return condition();
}

describe("startPrism", () => {
  test("freePort gives a port that can be listened on", async () => {
    const port = await freePort();
    expect(port).toBeGreaterThan(0);
    expect(port).toBeLessThan(65536);
  });

  test("reports a process that exits before answering, with its stderr", async () => {
    const entry = script("dies.mjs", `process.stderr.write("cannot read the document\\n"); process.exit(3);`);
    await expect(startPrism({ spec: "missing.json", entry, startTimeout: 30_000 })).rejects.toThrow(
      /did not come up: the process exited with code 3[\s\S]*cannot read the document/,
    );
  });

  test("gives up on a process that never answers and kills its whole group", async () => {
    const pidFile = join(dir, "grandchild.pid");
    const entry = script(
      "silent.mjs",
      `import { spawn } from "node:child_process";
       import { writeFileSync } from "node:fs";
       const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
       writeFileSync(${JSON.stringify(pidFile)}, String(child.pid));
       console.log("starting");
       setInterval(() => {}, 1000);`,
    );
    // Long enough for a node process to start on a busy machine, so the grandchild exists when the wait ends.
    const started = startPrism({ spec: "spec.json", entry, startTimeout: 5_000 });
    await expect(started).rejects.toThrow(/no answer from http:\/\/127\.0\.0\.1:\d+ within 5000 ms[\s\S]*starting/);
    expect(existsSync(pidFile)).toBe(true);
    const grandchild = Number(readFileSync(pidFile, "utf8"));
    expect(grandchild).toBeGreaterThan(0);
    expect(await eventually(() => !alive(grandchild))).toBe(true);
  });
});
