// Syntax tree -> text, where ts-morph needs text. Every node is printed once,
// by one printer (the settings openapi-typescript prints with), and never
// edited as text afterwards: changes are made on the tree before printing.
import ts from "typescript";

const printer = ts.createPrinter({ newLine: ts.NewLineKind.LineFeed, removeComments: false });
// Nodes built by factories have no source text; the printer only needs a file to print them against.
const context = ts.createSourceFile("generated.ts", "", ts.ScriptTarget.ESNext, false, ts.ScriptKind.TS);

export function printNode(node: ts.Node): string {
  return printer.printNode(ts.EmitHint.Unspecified, node, context);
}

/**
 * Attaches `doc` to a declaration as a JSDoc block, always written over
 * several lines (`/**`, one ` * ` line per line of text, ` *\/`).
 */
export function withJsDoc<T extends ts.Node>(node: T, doc: string | undefined): T {
  if (!doc) return node;
  const lines = doc.split("\n").map((line) => ` * ${line}`.trimEnd());
  ts.addSyntheticLeadingComment(node, ts.SyntaxKind.MultiLineCommentTrivia, `*\n${lines.join("\n")}\n `, true);
  return node;
}

const EXPORT = [ts.factory.createModifier(ts.SyntaxKind.ExportKeyword)];

/** `export interface Name { ...members }`, reusing the members of an object type. */
export function exportedInterface(name: string, type: ts.TypeLiteralNode, doc: string | undefined): string {
  const declaration = ts.factory.createInterfaceDeclaration(EXPORT, name, undefined, undefined, type.members);
  return printNode(withJsDoc(declaration, doc));
}

/** A declaration with `export` in front, whether or not it had it (helpers openapi-typescript declares). */
export function exported(declaration: ts.TypeAliasDeclaration): string {
  const modifiers = ts.getModifiers(declaration) ?? [];
  if (modifiers.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) return printNode(declaration);
  return printNode(
    ts.factory.updateTypeAliasDeclaration(
      declaration,
      [...EXPORT, ...modifiers],
      declaration.name,
      declaration.typeParameters,
      declaration.type,
    ),
  );
}
