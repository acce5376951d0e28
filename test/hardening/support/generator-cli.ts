// Runs the real generator CLI in a child process, the way a user does, and
// snapshots output directories so a test can prove a failed run changed nothing.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";

export const root = resolve(import.meta.dirname, "../../..");
export const badSpecs = join(root, "test/fixtures/bad-specs");
const tsx = createRequire(join(root, "package.json")).resolve("tsx/cli");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `tsx generator/cli.ts <args>`; never rejects, the exit code is part of the result. */
export function runGenerator(args: string[]): Promise<CliResult> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [tsx, join(root, "generator/cli.ts"), ...args],
      { cwd: root, maxBuffer: 64 << 20 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

const made: string[] = [];

/** A fresh directory under the system temp dir, removed by removeTempDirs. */
export function tempDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `do-sdk-${label}-`));
  made.push(dir);
  return dir;
}

/** For afterAll: removes every directory tempDir made in this test file. */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Every file under `dir` (relative path -> sha256), so two trees compare in one expect. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    out[relative(dir, file)] = createHash("sha256").update(readFileSync(file)).digest("hex");
  }
  return out;
}
