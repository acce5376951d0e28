// The 290 operations of the pinned spec and the function name each must have.
// A copy of the project's shared operations list, kept in the repository as a
// test fixture (test/fixtures/operations.tsv) so a fresh clone tests alone. It
// is for checking only: the generator never reads it.
import { readFileSync } from "node:fs";

export interface SharedOperation {
  fn: string;
  operationId: string;
  method: string;
  path: string;
  tag: string;
}

const FIXTURE = new URL("../fixtures/operations.tsv", import.meta.url);

export function sharedOperations(): SharedOperation[] {
  return readFileSync(FIXTURE, "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => {
      const [fn, operationId, method, path, tag] = line.split("\t") as [string, string, string, string, string];
      return { fn, operationId, method, path, tag };
    });
}
