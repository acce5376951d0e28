// The 290 operations of the pinned spec and their function names, from the
// project's shared/operations.tsv (beside the repository, as in CI). It is for
// checking only: the generator never reads it.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

export interface SharedOperation {
  fn: string;
  operationId: string;
  method: string;
  path: string;
  tag: string;
}

export function sharedOperations(): SharedOperation[] {
  const root = resolve(new URL("../../", import.meta.url).pathname);
  const file = process.env.DO_SDK_SHARED_DIR ? join(process.env.DO_SDK_SHARED_DIR, "operations.tsv") : join(root, "..", "shared", "operations.tsv");
  if (!existsSync(file)) {
    throw new Error(`${file} not found: shared/ must sit beside the repository (as in CI), or set DO_SDK_SHARED_DIR`);
  }
  return readFileSync(file, "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => {
      const [fn, operationId, method, path, tag] = line.split("\t") as [string, string, string, string, string];
      return { fn, operationId, method, path, tag };
    });
}
