// Decides between `interface X {...}` and `type X = ...` for a type text:
// object literals become interfaces (cheaper for the compiler, nicer hovers).
import ts from "typescript";

export function isObjectLiteralType(typeText: string): boolean {
  const file = ts.createSourceFile("t.ts", `type T = ${typeText};`, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const statement = file.statements[0];
  return !!statement && ts.isTypeAliasDeclaration(statement) && ts.isTypeLiteralNode(statement.type);
}

/** Names of the identifiers a type text refers to (to compute imports). */
export function referencedTypeNames(typeText: string): Set<string> {
  const file = ts.createSourceFile("t.ts", `type T = ${typeText};`, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const names = new Set<string>();
  const visit = (node: ts.Node) => {
    if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName)) names.add(node.typeName.text);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return names;
}
