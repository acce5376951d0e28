// `node declare-files.mjs`: writes TypeScript declarations in a process of
// its own, started with the run, so that this work (and the libraries a
// program loads) takes neither the main thread's time nor its memory. It
// reads one JSON request per line on stdin and answers each with one JSON
// line on stdout, until stdin closes:
//   { tsconfig, files: [path] }            declare files on disk
//   { tsconfig, texts: [{ path, text }] }  declare files given as text
// -> { declarations: { path: text }, declaredByProgram: [path] }
// Each file is declared from itself where it can be; files on disk that
// cannot be (an export that does not state its type) go through one program
// of those files and what they import. Plain JavaScript: it runs as it is.
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import ts from "typescript";
import { declareAlone, declareByProgram } from "./declare-module.mjs";

function compilerOptions(tsconfig) {
  const { options } = ts.convertCompilerOptionsFromJson(JSON.parse(tsconfig).compilerOptions, "/");
  // Where files go does not matter for text out; a rootDir would turn every file outside it into an error.
  const { outDir: _outDir, rootDir: _rootDir, ...rest } = options;
  return { ...rest, declaration: true, emitDeclarationOnly: true, isolatedDeclarations: true };
}

function declare({ tsconfig, files = [], texts = [] }) {
  const options = compilerOptions(tsconfig);
  const declarations = {};
  const needProgram = [];
  const inputs = [...files.map((path) => ({ path, text: readFileSync(path, "utf8"), onDisk: true })), ...texts];
  for (const { path, text, onDisk } of inputs) {
    const declared = declareAlone(path, text, options);
    if (declared !== undefined) declarations[path] = declared;
    else if (onDisk) needProgram.push(path);
  }
  if (needProgram.length) Object.assign(declarations, declareByProgram(needProgram, options).declarations);
  return { declarations, declaredByProgram: needProgram };
}

for await (const line of createInterface({ input: process.stdin })) {
  process.stdout.write(`${JSON.stringify(declare(JSON.parse(line)))}\n`);
}
