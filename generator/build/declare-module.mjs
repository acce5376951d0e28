// Declarations of generated modules, one module at a time where it can be
// (TypeScript's isolated declarations), else through a program. Shared by the
// main thread (build-package.ts) and the declarations process
// (declare-files.mjs), so both follow the same rules. Plain JavaScript: the
// process runs it as it is.
import ts from "typescript";

// TypeScript 5.9's transpileDeclaration writes a class method with a
// computed name (`[Symbol.asyncIterator]() {}`) twice, once as a property,
// and reports nothing; the declaration then fails to type-check. Such modules
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

/** The module's declarations from its text alone, or undefined when it cannot be declared alone. */
export function declareAlone(path, text, options) {
  if (hasComputedClassMember(path, text)) return undefined;
  const result = ts.transpileDeclaration(text, { fileName: path, compilerOptions: options, reportDiagnostics: true });
  return result.diagnostics?.length ? undefined : result.outputText;
}

/**
 * Declarations of modules on disk through one program of them and what they
 * import. Only declarations are wanted: checking is the type-check test's job.
 */
export function declareByProgram(paths, options) {
  const program = ts.createProgram(paths, {
    ...options,
    isolatedDeclarations: false,
    noEmitOnError: false,
    noCheck: true,
    skipLibCheck: true,
  });
  const declarations = {};
  const diagnostics = [...program.getSyntacticDiagnostics()];
  for (const path of paths) {
    const emitted = program.emit(
      program.getSourceFile(path),
      (_name, text) => {
        declarations[path] = text;
      },
      undefined,
      true,
    );
    diagnostics.push(...emitted.diagnostics);
  }
  return { declarations, diagnostics };
}
