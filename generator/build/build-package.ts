// Builds the generated package in place: tsc type-checks it under strict with
// skipLibCheck off and emits the .d.ts files; esbuild transpiles every module
// to ESM and to CommonJS (unbundled, so ESM consumers can tree-shake).
import { execFile } from "node:child_process";
import { cpSync, existsSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import { build } from "esbuild";

const run = promisify(execFile);
const require = createRequire(import.meta.url);

function listFiles(dir: string, ext: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

export class BuildError extends Error {}

export async function buildPackage(pkgDir: string): Promise<void> {
  const tsc = require.resolve("typescript/bin/tsc");
  try {
    await run(process.execPath, [tsc, "-p", join(pkgDir, "tsconfig.json")], {
      cwd: pkgDir,
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const out = (error as { stdout?: string }).stdout ?? String(error);
    throw new BuildError(`the generated package does not type-check:\n${out.split("\n").slice(0, 40).join("\n")}`);
  }
  const sources = listFiles(join(pkgDir, "src"), ".ts");
  for (const format of ["esm", "cjs"] as const) {
    const outdir = join(pkgDir, "dist", format);
    await build({
      entryPoints: sources,
      outdir,
      outbase: join(pkgDir, "src"),
      format,
      platform: "neutral",
      target: "es2022",
      bundle: false,
      logLevel: "silent",
    });
    cpSync(join(pkgDir, "dist", "types"), outdir, { recursive: true });
  }
  writeFileSync(join(pkgDir, "dist", "cjs", "package.json"), `{ "type": "commonjs" }\n`);
  rmSync(join(pkgDir, "dist", "types"), { recursive: true, force: true });
  // Sanity: every module has its declaration next to it in both formats.
  for (const format of ["esm", "cjs"]) {
    for (const js of listFiles(join(pkgDir, "dist", format), ".js")) {
      if (!existsSync(js.replace(/\.js$/, ".d.ts")))
        throw new BuildError(`missing declarations for ${relative(pkgDir, js)}`);
    }
  }
}
