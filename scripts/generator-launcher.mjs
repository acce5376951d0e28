// Runs the generator as plain JavaScript. Under tsx, every module the
// generator loads (TypeScript twice, ts-morph, openapi-typescript) went
// through tsx's loader hooks, which cost about 0.7 s of each run's ~5 s. The
// sources are compiled once with esbuild (about 0.1 s) into a directory beside
// `generator/`, at the same depth, so paths computed from `import.meta` (spec/,
// templates/, the worker files) stay right; the compiled copy is used again
// until a source changes. Plain JavaScript: it runs before anything is built.
import { createHash } from "node:crypto";
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { build, version } from "esbuild";

const STAMP = ".source-hash";

/** Every file under `dir`, as paths relative to it, sorted (so the hash does not depend on directory order). */
function listFiles(dir, under = dir) {
  return readdirSync(under, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(under, entry.name);
      return entry.isDirectory() ? listFiles(dir, path) : [relative(dir, path)];
    })
    .sort();
}

/** What the compiled copy depends on: each source's path and bytes, and esbuild's version. */
export function sourcesHash(sourceDir) {
  const hash = createHash("sha256").update(`esbuild ${version}\n`);
  for (const file of listFiles(sourceDir)) hash.update(`${file}\n`).update(readFileSync(join(sourceDir, file)));
  return hash.digest("hex");
}

/** A relative import of a `.ts` module stays an import, of the compiled `.js` beside it. */
const keepRelativeImports = {
  name: "keep-relative-imports",
  setup(builder) {
    builder.onResolve({ filter: /^\.\.?\// }, (args) =>
      args.kind === "entry-point" ? undefined : { path: args.path.replace(/\.ts$/, ".js"), external: true },
    );
  },
};

/**
 * Compiles `sourceDir` into `outDir` unless `outDir` already holds the
 * compiled copy of exactly these sources. Each `.ts` file (declarations
 * aside) becomes one `.js` file; `.mjs` files are copied. The copy is built
 * in a directory of its own and renamed into place, so a run never sees half
 * of it. Returns whether it compiled.
 */
export async function compileIfStale(sourceDir, outDir) {
  const hash = sourcesHash(sourceDir);
  const stamp = join(outDir, STAMP);
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === hash) return false;
  const staging = `${outDir}.${process.pid}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  const files = listFiles(sourceDir);
  await build({
    entryPoints: files.filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts")).map((f) => join(sourceDir, f)),
    outdir: staging,
    outbase: sourceDir,
    bundle: true,
    packages: "external",
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "silent",
    plugins: [keepRelativeImports],
  });
  for (const file of files.filter((f) => f.endsWith(".mjs"))) cpSync(join(sourceDir, file), join(staging, file));
  writeFileSync(join(staging, STAMP), hash);
  const current = () => existsSync(stamp) && readFileSync(stamp, "utf8") === hash;
  // A run started at the same time may have put the same copy in place meanwhile, and may be using it.
  if (!current()) {
    rmSync(outDir, { recursive: true, force: true });
    try {
      renameSync(staging, outDir);
    } catch (error) {
      if (!current()) throw error;
    }
  }
  rmSync(staging, { recursive: true, force: true });
  return true;
}
