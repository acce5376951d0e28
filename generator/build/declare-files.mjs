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

function compilerOptions(tsconfig) {
  const { options } = ts.convertCompilerOptionsFromJson(JSON.parse(tsconfig).compilerOptions, "/");
  // Where files go does not matter for text out; a rootDir would turn every file outside it into an error.
  const { outDir: _outDir, rootDir: _rootDir, ...rest } = options;
  return { ...rest, declaration: true, emitDeclarationOnly: true, isolatedDeclarations: true };
}

// TypeScript 5.9's transpileDeclaration writes a class method with a
// computed name (`[Symbol.asyncIterator]() {}`) twice, once as a property,
// and reports nothing; the declaration then fails to type-check. Such files
// go through the program, which writes them once.
function hasComputedClassMember(path, text) {
  if (!/\[[^\]\n]+\]\s*\(/.test(text)) return false;
  let found = false;
  const visit = (node) => {
    if (found) return;
    if (ts.isClassLike(node) && node.members.some((member) => member.name && ts.isComputedPropertyName(member.name)))
      found = true;
    else ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false));
  return found;
}

function declare({ tsconfig, files = [], texts = [] }) {
  const options = compilerOptions(tsconfig);
  const declarations = {};
  const needProgram = [];
  const inputs = [...files.map((path) => ({ path, text: readFileSync(path, "utf8"), onDisk: true })), ...texts];
  for (const { path, text, onDisk } of inputs) {
    if (onDisk && hasComputedClassMember(path, text)) {
      needProgram.push(path);
      continue;
    }
    const result = ts.transpileDeclaration(text, { fileName: path, compilerOptions: options, reportDiagnostics: true });
    if (!result.diagnostics?.length) declarations[path] = result.outputText;
    else if (onDisk) needProgram.push(path);
  }
  if (needProgram.length) {
    // Only declarations are wanted: checking is the type-check test's job.
    const program = ts.createProgram(needProgram, {
      ...options,
      isolatedDeclarations: false,
      noCheck: true,
      skipLibCheck: true,
    });
    for (const path of needProgram) {
      program.emit(
        program.getSourceFile(path),
        (_name, text) => {
          declarations[path] = text;
        },
        undefined,
        true,
      );
    }
  }
  return { declarations, declaredByProgram: needProgram };
}

for await (const line of createInterface({ input: process.stdin })) {
  process.stdout.write(`${JSON.stringify(declare(JSON.parse(line)))}\n`);
}
