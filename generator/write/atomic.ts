// Step 6: the output appears all at once or not at all. Everything is written
// and built in a sibling temporary directory; only when that succeeded is it
// swapped in for the previous output, so a failed run leaves it untouched.
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

export async function writeAtomically(
  outDir: string,
  files: Map<string, string>,
  finish: (stagingDir: string) => Promise<void>,
): Promise<void> {
  const parent = dirname(outDir);
  mkdirSync(parent, { recursive: true });
  const staging = join(parent, `.${basename(outDir)}-staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  try {
    for (const [path, text] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const target = join(staging, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, text);
    }
    await finish(staging);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  const previous = join(parent, `.${basename(outDir)}-previous-${process.pid}`);
  if (existsSync(outDir)) renameSync(outDir, previous);
  renameSync(staging, outDir);
  rmSync(previous, { recursive: true, force: true });
}
