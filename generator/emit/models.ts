// Emits the named models: one file per resource under src/models/, each model
// declared once, with imports of the models it uses from sibling files.
import type { Project, SourceFile } from "ts-morph";
import type { ApiModel, ModelInfo } from "../model/types.ts";
import type { SchemaObject } from "../openapi.ts";
import { jsdocText } from "./docs.ts";
import type { SchemaTyper } from "./schema-types.ts";
import { isObjectLiteralType, referencedTypeNames } from "./type-shape.ts";

export const HELPERS_FILE = "src/models/helpers.ts";

export function modelFile(model: Pick<ModelInfo, "file">): string {
  return `src/models/${model.file}.ts`;
}

/** Adds `export interface X {...}` or `export type X = ...` with its JSDoc. */
export function addNamedType(file: SourceFile, name: string, typeText: string, doc: string | undefined): void {
  const docs = doc ? [doc] : [];
  if (isObjectLiteralType(typeText)) {
    file.addStatements((writer) => {
      if (doc)
        writer.writeLine(
          `/**\n${doc
            .split("\n")
            .map((l) => ` * ${l}`.trimEnd())
            .join("\n")}\n */`,
        );
      writer.write(`export interface ${name} ${typeText}`);
    });
  } else {
    file.addTypeAlias({ name, type: typeText, isExported: true, docs });
  }
}

/** Adds `import type { ... } from "..."` for the names a file uses but declares elsewhere. */
export function addTypeImports(
  file: SourceFile,
  used: Iterable<string>,
  locate: (name: string) => string | undefined,
): void {
  const byModule = new Map<string, Set<string>>();
  const own = file.getFilePath();
  for (const name of used) {
    const target = locate(name);
    if (!target || own.endsWith(target)) continue;
    const names = byModule.get(target) ?? new Set<string>();
    names.add(name);
    byModule.set(target, names);
  }
  for (const [target, names] of [...byModule].sort(([a], [b]) => (a < b ? -1 : 1))) {
    file.addImportDeclaration({
      isTypeOnly: true,
      moduleSpecifier: relativeModule(own, target),
      namedImports: [...names].sort(),
    });
  }
}

export function relativeModule(fromFile: string, toFile: string): string {
  const from = fromFile.replace(/^\//, "").split("/").slice(0, -1);
  const to = toFile.replace(/^\//, "").split("/");
  let common = 0;
  while (common < from.length && from[common] === to[common]) common++;
  const up = from.length - common;
  const rest = to.slice(common).join("/").replace(/\.ts$/, ".js");
  return (up === 0 ? "./" : "../".repeat(up)) + rest;
}

const LISTED = 4;

/** "Used by {@link a}, {@link b} and 3 more; part of {@link X}." */
function usage(model: ModelInfo): string | undefined {
  const list = (names: string[]) =>
    names
      .slice(0, LISTED)
      .map((n) => `{@link ${n}}`)
      .join(", ") + (names.length > LISTED ? ` and ${names.length - LISTED} more` : "");
  const parts = [
    model.usedBy.length ? `Used by ${list(model.usedBy)}` : undefined,
    model.partOf.length ? `part of ${list(model.partOf)}` : undefined,
    model.errorOf.length ? `the error response body of ${list(model.errorOf)}` : undefined,
  ].filter((p): p is string => !!p);
  if (!parts.length) return undefined;
  const text = parts.join("; ") + ".";
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function emitModels(api: ApiModel, project: Project, typer: SchemaTyper): Map<string, string> {
  const locations = new Map<string, string>(api.models.map((m) => [m.name, modelFile(m)]));
  const byFile = new Map<string, ModelInfo[]>();
  for (const model of api.models) {
    const path = modelFile(model);
    byFile.set(path, [...(byFile.get(path) ?? []), model]);
  }
  for (const [path, models] of [...byFile].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const file = project.createSourceFile(path, "", { overwrite: true });
    const used = new Set<string>();
    for (const model of models) {
      const typeText = typer.typeOf(model.schema, `#/components/schemas/${model.key}`);
      for (const name of referencedTypeNames(typeText)) used.add(name);
      const schema = model.schema as SchemaObject;
      addNamedType(file, model.name, typeText, jsdocText([schema.title, schema.description, usage(model)]));
    }
    addTypeImports(file, used, (name) => locations.get(name) ?? (typer.helpers.has(name) ? HELPERS_FILE : undefined));
  }
  return locations;
}

export function emitHelpers(project: Project, typer: SchemaTyper): void {
  const file = project.createSourceFile(HELPERS_FILE, "", { overwrite: true });
  file.addStatements("// Type helpers that generated models rely on. Not part of the public API.");
  for (const [, text] of [...typer.helpers].sort(([a], [b]) => (a < b ? -1 : 1))) {
    file.addStatements(text.startsWith("export") ? text : `export ${text}`);
  }
  if (typer.helpers.size === 0) file.addStatements("export {};");
}
