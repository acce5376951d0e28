// `node declare-files.mjs`: reads { tsconfig, files } as JSON on stdin and
// writes { declarations, declaredByProgram } as JSON on stdout: each file's
// declarations from the file alone where it can be, the rest through one
// program of those files and what they import, with the type checker. A
// process of its own, started with the run, so that this work (and the
// libraries a program loads) takes neither the main thread's time nor its
// memory. Plain JavaScript: it runs as it is.
import { readFileSync } from "node:fs";
import ts from "typescript";

const { tsconfig, files } = JSON.parse(readFileSync(0, "utf8"));
const { options: parsed } = ts.convertCompilerOptionsFromJson(JSON.parse(tsconfig).compilerOptions, "/");
// Where files go does not matter for text out; a rootDir would turn every file outside it into an error.
const { outDir: _outDir, rootDir: _rootDir, ...options } = parsed;
Object.assign(options, { declaration: true, emitDeclarationOnly: true, isolatedDeclarations: true });

const declarations = {};
const needProgram = [];
for (const file of files) {
  const result = ts.transpileDeclaration(readFileSync(file, "utf8"), {
    fileName: file,
    compilerOptions: options,
    reportDiagnostics: true,
  });
  if (result.diagnostics?.length) needProgram.push(file);
  else declarations[file] = result.outputText;
}
if (needProgram.length) {
  // Only declarations are wanted: checking is the type-check test's job.
  const program = ts.createProgram(needProgram, {
    ...options,
    isolatedDeclarations: false,
    noCheck: true,
    skipLibCheck: true,
  });
  for (const file of needProgram) {
    program.emit(
      program.getSourceFile(file),
      (_name, text) => {
        declarations[file] = text;
      },
      undefined,
      true,
    );
  }
}
process.stdout.write(JSON.stringify({ declarations, declaredByProgram: needProgram }));
