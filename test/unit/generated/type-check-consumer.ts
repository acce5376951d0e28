// A consumer project of a built package, type-checked by tsc: the package is
// linked as `digitalocean-sdk` in its node_modules, as an install would leave
// it, and its own files are checked under strict with skipLibCheck off.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const root = new URL("../../../", import.meta.url).pathname;
const tsc = createRequire(join(root, "package.json")).resolve("typescript/bin/tsc");

/**
 * Writes `files` into `dir` beside a tsconfig listing the `.ts` ones and runs
 * tsc; returns its report, empty when everything compiles. `compilerOptions`
 * add to (or replace) the strict defaults.
 */
export function typeCheckConsumer(
  packageDir: string,
  dir: string,
  files: Record<string, string>,
  compilerOptions: Record<string, unknown> = {},
): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "node_modules"), { recursive: true });
  symlinkSync(packageDir, join(dir, "node_modules", "digitalocean-sdk"), "dir");
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const options = {
    strict: true,
    skipLibCheck: false,
    noEmit: true,
    module: "NodeNext",
    moduleResolution: "NodeNext",
    target: "ES2022",
    types: [],
    ...compilerOptions,
  };
  const checked = Object.keys(files).filter((name) => name.endsWith(".ts"));
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: options, files: checked }));
  try {
    execFileSync(process.execPath, [tsc, "-p", dir], { encoding: "utf8" });
    return "";
  } catch (error) {
    return (error as { stdout?: string }).stdout || String(error);
  }
}
