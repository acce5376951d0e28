// The names the runtime core exports next to the generated code (Client,
// APIPromise, the error classes, waitForAction, ...), read from the core's
// own entry point so the name registry never needs a hand-kept list. A
// syntactic walk (following `export *`) is enough and takes milliseconds.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import ts from "typescript";

function exportsOf(file: string, seen: Set<string>, into: Set<string>): void {
  if (seen.has(file)) return;
  seen.add(file);
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement)) {
      const target =
        statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)
          ? statement.moduleSpecifier.text
          : undefined;
      if (statement.exportClause && ts.isNamedExports(statement.exportClause)) {
        for (const element of statement.exportClause.elements) into.add(element.name.text);
      } else if (target?.startsWith(".")) {
        exportsOf(join(dirname(file), target.replace(/\.js$/, ".ts")), seen, into);
      }
      continue;
    }
    const modifiers = ts.canHaveModifiers(statement) ? ts.getModifiers(statement) : undefined;
    if (!modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    if (ts.isVariableStatement(statement)) {
      for (const decl of statement.declarationList.declarations)
        if (ts.isIdentifier(decl.name)) into.add(decl.name.text);
    } else if ("name" in statement && statement.name && ts.isIdentifier(statement.name as ts.Node)) {
      into.add((statement.name as ts.Identifier).text);
    }
  }
}

export function runtimeExportNames(runtimeDir: string): string[] {
  const names = new Set<string>();
  exportsOf(join(runtimeDir, "index.ts"), new Set(), names);
  return [...names].sort();
}

/**
 * The public members of the runtime's `Client` class (and what every object
 * has: `constructor`, plus `then`, which would make a client a thenable), read
 * from its source: a resource group property must not shadow any of them.
 */
export function runtimeClientMembers(runtimeDir: string): string[] {
  const file = join(runtimeDir, "client.ts");
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const names = new Set(["constructor", "then"]);
  for (const statement of source.statements) {
    if (!ts.isClassDeclaration(statement) || statement.name?.text !== "Client") continue;
    for (const member of statement.members) {
      const name = member.name;
      if (name && (ts.isIdentifier(name) || ts.isStringLiteral(name))) names.add(name.text);
    }
  }
  if (names.size === 2) throw new Error(`${file} declares no class Client: the generator reads its members`);
  return [...names].sort();
}
