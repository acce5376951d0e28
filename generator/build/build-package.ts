// Builds the generated package in place: a .d.ts per module from that module
// alone (TypeScript's isolated declarations: every export states its type,
// so no program and no type-check is needed to write its declaration), and
// esbuild transpiles every module to ESM and to CommonJS (unbundled, so ESM
// consumers can tree-shake). Declarations match what `tsc` would emit; the
// strict type-check of the whole package is a test (test/packaging), run on
// every `npm test`, and `npm run generate -- --type-check` runs it too.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { promisify } from "node:util";
import { build } from "esbuild";
import ts from "typescript";
import { addFileTime } from "../timings.ts";
import { declareAlone, declareByProgram } from "./declare-module.mjs";

const run = promisify(execFile);
const require = createRequire(import.meta.url);

function listFiles(dir: string, ext: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

export class BuildError extends Error {}

/** The package's compiler options (its tsconfig.json), as the declaration emitter takes them. */
function compilerOptions(pkgDir: string): ts.CompilerOptions {
  const path = join(pkgDir, "tsconfig.json");
  const parsed = ts.parseJsonConfigFileContent(ts.readConfigFile(path, ts.sys.readFile).config, ts.sys, pkgDir);
  return { ...parsed.options, isolatedDeclarations: true, declaration: true, emitDeclarationOnly: true };
}

const message = (d: ts.Diagnostic): string => {
  const text = ts.flattenDiagnosticMessageText(d.messageText, "\n");
  if (!d.file || d.start === undefined) return text;
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
  return `${d.file.fileName}(${line + 1},${character + 1}): ${text}`;
};

/** Declares modules given as text elsewhere: path -> declarations (absent where a module cannot be declared alone). */
export type DeclareElsewhere = (texts: { path: string; text: string }[]) => Promise<Record<string, string>>;

/**
 * Writes `<module>.d.ts` for every module of src/ into each format's folder.
 * Modules declared already are taken as given; of the rest, every other one
 * (by size) goes `elsewhere` when there is such a place, while this thread
 * declares the others. A module whose exports do not all state their types
 * cannot be declared on its own: those few go through one small program (the
 * modules and what they import), and the result names them for the summary.
 */
async function writeDeclarations(
  pkgDir: string,
  sources: readonly string[],
  outDirs: readonly string[],
  {
    fileTimes,
    given,
    elsewhere,
  }: { fileTimes?: Map<string, number>; given?: ReadonlyMap<string, string>; elsewhere?: DeclareElsewhere },
): Promise<string[]> {
  const options = compilerOptions(pkgDir);
  const src = join(pkgDir, "src");
  const declarations = new Map<string, string>();
  const todo = sources
    .filter((file) => {
      const known = given?.get(relative(pkgDir, file));
      if (known !== undefined) declarations.set(file, known);
      return known === undefined;
    })
    .map((file) => ({ path: file, text: readFileSync(file, "utf8") }))
    .sort((a, b) => b.text.length - a.text.length || (a.path < b.path ? -1 : 1));
  const remote = elsewhere ? todo.filter((_, i) => i % 2 === 1) : [];
  const remoteDone = remote.length ? elsewhere!(remote) : Promise.resolve<Record<string, string>>({});
  remoteDone.catch(() => undefined); // awaited below
  const needProgram: string[] = [];
  for (const { path, text } of todo.filter((file) => !remote.includes(file))) {
    const started = performance.now();
    const declared = declareAlone(path, text, options);
    if (declared === undefined) needProgram.push(path);
    else declarations.set(path, declared);
    fileTimes && addFileTime(fileTimes, relative(pkgDir, path), performance.now() - started);
  }
  const remoteDeclared = await remoteDone;
  for (const { path } of remote) {
    const text = remoteDeclared[path];
    if (text === undefined) needProgram.push(path);
    else declarations.set(path, text);
  }
  needProgram.sort();
  if (needProgram.length) {
    const byProgram = declareByProgram(needProgram, options);
    if (byProgram.diagnostics.length)
      throw new BuildError(
        `the generated package does not declare:\n${byProgram.diagnostics.slice(0, 40).map(message).join("\n")}`,
      );
    for (const path of needProgram)
      if (byProgram.declarations[path]) declarations.set(path, byProgram.declarations[path]);
  }
  for (const [file, text] of declarations) {
    for (const outDir of outDirs) {
      const target = join(outDir, relative(src, file)).replace(/\.ts$/, ".d.ts");
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, text);
    }
  }
  return needProgram.map((file) => relative(pkgDir, file));
}

/** `tsc -p` over the package: strict, skipLibCheck off, every module checked against every other. */
export async function typeCheckPackage(pkgDir: string): Promise<void> {
  const tsc = require.resolve("typescript/bin/tsc");
  try {
    await run(process.execPath, [tsc, "-p", join(pkgDir, "tsconfig.json"), "--noEmit"], {
      cwd: pkgDir,
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const out = (error as { stdout?: string }).stdout ?? String(error);
    throw new BuildError(`the generated package does not type-check:\n${out.split("\n").slice(0, 40).join("\n")}`);
  }
}

export interface BuildResult {
  /** Modules whose declarations needed the type checker (an export without a stated type, or a computed class member name). */
  declaredByProgram: string[];
}

export async function buildPackage(
  pkgDir: string,
  options: {
    typeCheck?: boolean;
    fileTimes?: Map<string, number>;
    /** Declarations written already (path under pkgDir -> text), e.g. the runtime core's. */
    declarations?: ReadonlyMap<string, string>;
    /** Where half of the other modules are declared meanwhile (the run's declarations process). */
    declareElsewhere?: DeclareElsewhere;
  } = {},
): Promise<BuildResult> {
  const checked = options.typeCheck ? typeCheckPackage(pkgDir) : undefined;
  checked?.catch(() => undefined); // awaited below, after the build; until then a failure must not go unhandled
  const sources = listFiles(join(pkgDir, "src"), ".ts");
  const outDirs = ["esm", "cjs"].map((format) => join(pkgDir, "dist", format));
  // esbuild runs in its own process: both formats build while this thread writes declarations.
  const bundled = Promise.all(
    (["esm", "cjs"] as const).map((format, i) =>
      build({
        entryPoints: sources,
        outdir: outDirs[i]!,
        outbase: join(pkgDir, "src"),
        format,
        platform: "neutral",
        target: "es2022",
        bundle: false,
        logLevel: "silent",
      }),
    ),
  );
  bundled.catch(() => undefined); // awaited below
  const declaredByProgram = await writeDeclarations(pkgDir, sources, outDirs, {
    fileTimes: options.fileTimes,
    given: options.declarations,
    elsewhere: options.declareElsewhere,
  });
  await bundled;
  writeFileSync(join(pkgDir, "dist", "cjs", "package.json"), `{ "type": "commonjs" }\n`);
  // Sanity: every module has its declaration next to it in both formats.
  for (const outDir of outDirs) {
    for (const js of listFiles(outDir, ".js")) {
      if (!existsSync(js.replace(/\.js$/, ".d.ts")))
        throw new BuildError(`missing declarations for ${relative(pkgDir, js)}`);
    }
  }
  await checked;
  return { declaredByProgram };
}
