// The worker thread of workers.ts: formats documents with prettier and
// declares the runtime core with TypeScript. Plain JavaScript, so it runs as
// it is wherever the generator runs (tsx, vitest).
// Messages: { id, type, ...job } in, { id, result } or { id, error } out.
import { parentPort } from "node:worker_threads";

let prettier;
let ts;
const loadPrettier = async () => (prettier ??= await import("prettier"));
const loadTypeScript = async () => (ts ??= (await import("typescript")).default);

/** The package's compiler options, from its tsconfig.json text. */
function compilerOptions(tsconfigText) {
  const { compilerOptions: json } = JSON.parse(tsconfigText);
  const { options } = ts.convertCompilerOptionsFromJson(json, "/");
  // Where files go does not matter for text out; a rootDir would turn every file outside it into an error.
  const { outDir: _outDir, rootDir: _rootDir, ...rest } = options;
  return { ...rest, declaration: true, emitDeclarationOnly: true, isolatedDeclarations: true };
}

/** A module's declarations from its own text, or undefined when an export does not state its type. */
function declare(fileName, text, options) {
  const result = ts.transpileDeclaration(text, { fileName, compilerOptions: options, reportDiagnostics: true });
  return result.diagnostics?.length ? undefined : result.outputText;
}

const jobs = {
  async warm() {
    await Promise.all([loadPrettier(), loadTypeScript()]);
  },

  async format({ text, parser, printWidth, proseWrap }) {
    const started = performance.now();
    const formatted = await (await loadPrettier()).format(text, { parser, printWidth, proseWrap });
    return { text: formatted, formatMs: performance.now() - started };
  },

  /** Declares modules given as text, each from itself: path -> declarations, or null when that cannot be. */
  async declareTexts({ files, tsconfig }) {
    await loadTypeScript();
    const options = compilerOptions(tsconfig);
    return Object.fromEntries(files.map(({ path, text }) => [path, declare(path, text, options) ?? null]));
  },

  /**
   * Declares files that are on disk (the runtime core, as written): each from
   * itself where it can be, the rest through one program of those files and
   * what they import. Keys are the paths given.
   */
  async declareFiles({ files, tsconfig }) {
    await loadTypeScript();
    const options = compilerOptions(tsconfig);
    const { readFileSync } = await import("node:fs");
    const declarations = {};
    const needProgram = [];
    for (const file of files) {
      const text = declare(file, readFileSync(file, "utf8"), options);
      if (text === undefined) needProgram.push(file);
      else declarations[file] = text;
    }
    if (needProgram.length) {
      const program = ts.createProgram(needProgram, {
        ...options,
        isolatedDeclarations: false,
        noEmitOnError: false,
        // Only declarations are wanted: checking libraries is the type-check test's job.
        skipLibCheck: true,
        outDir: undefined,
        rootDir: undefined,
      });
      const errors = [];
      for (const file of needProgram) {
        const source = program.getSourceFile(file);
        errors.push(...program.getSemanticDiagnostics(source), ...program.getSyntacticDiagnostics(source));
        program.emit(
          source,
          (_name, text) => {
            declarations[file] = text;
          },
          undefined,
          true,
        );
      }
      if (errors.length)
        throw new Error(
          errors.map((d) => `${where(d)}${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`).join("\n"),
        );
    }
    return { declarations, declaredByProgram: needProgram };
  },
};

const where = (d) => (d.file ? `${d.file.fileName}: ` : "");

// One job at a time, in the order they came: a job that awaits (prettier loads
// its plugins lazily) must not let a long synchronous one start in between.
let queue = Promise.resolve();
parentPort.on("message", ({ id, type, ...job }) => {
  queue = queue.then(async () => {
    try {
      parentPort.postMessage({ id, result: await jobs[type](job) });
    } catch (error) {
      parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    }
  });
});
