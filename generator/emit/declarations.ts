// The pieces every emitter shares: a named type declared from its syntax
// tree, and the `import type` declarations for the names a file uses.
import { type ImportDeclarationStructure, type OptionalKind, StructureKind } from "ts-morph";
import ts from "typescript";
import { exportedInterface, printNode } from "./print.ts";
import type { Statement } from "./statements.ts";

/**
 * `export interface X {...}` when the type is an object type (cheaper for the
 * compiler, nicer hovers), else `export type X = ...`; with its JSDoc.
 */
export function namedType(name: string, type: ts.TypeNode, doc: string | undefined): Statement {
  if (ts.isTypeLiteralNode(type)) return exportedInterface(name, type, doc);
  return { kind: StructureKind.TypeAlias, name, isExported: true, type: printNode(type), docs: doc ? [doc] : [] };
}

/** The module specifier of `toFile` as imported from `fromFile` (both relative to the package root). */
export function relativeModule(fromFile: string, toFile: string): string {
  const from = fromFile.split("/").slice(0, -1);
  const to = toFile.split("/");
  let common = 0;
  while (common < from.length && from[common] === to[common]) common++;
  const up = from.length - common;
  const rest = to.slice(common).join("/").replace(/\.ts$/, ".js");
  return (up === 0 ? "./" : "../".repeat(up)) + rest;
}

/**
 * `import type { ... } from "..."` for the names `file` uses but declares
 * elsewhere (name -> the file that declares it), one per module, in module order.
 */
export function typeImports(
  file: string,
  declaredIn: ReadonlyMap<string, string>,
): OptionalKind<ImportDeclarationStructure>[] {
  const byModule = new Map<string, Set<string>>();
  for (const [name, target] of declaredIn) {
    if (target !== file) byModule.set(target, (byModule.get(target) ?? new Set()).add(name));
  }
  return [...byModule]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([target, names]) => ({
      isTypeOnly: true,
      moduleSpecifier: relativeModule(file, target),
      namedImports: [...names].sort(),
    }));
}
