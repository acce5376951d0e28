// Emits the named models: one file per resource under src/models/, each model
// declared once, with imports of the models it uses from sibling files.
import type { Project } from "ts-morph";
import type { ApiModel, ModelInfo } from "../model/types.ts";
import { MODEL_FILES } from "../naming/package-names.ts";
import type { SchemaObject } from "../openapi.ts";
import { namedType, typeImports } from "./declarations.ts";
import { jsdocText } from "./docs.ts";
import type { TypeUses } from "./model-refs.ts";
import { exported } from "./print.ts";
import type { SchemaTyper } from "./schema-types.ts";
import { createFile, type Statement } from "./statements.ts";

export const HELPERS_FILE = `src/models/${MODEL_FILES.helpers}.ts`;

export function modelFile(model: Pick<ModelInfo, "file">): string {
  return `src/models/${model.file}.ts`;
}

/** Where each name a type uses is declared: a model's file, or the helpers file. */
export function locator(modelFiles: ReadonlyMap<string, string>): (uses: TypeUses) => Map<string, string> {
  return (uses) =>
    new Map([
      ...[...uses.models].map((name) => [name, modelFiles.get(name)!] as const),
      ...[...uses.helpers].map((name) => [name, HELPERS_FILE] as const),
    ]);
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

/** Emits every model file; returns each model's file by identifier. */
export function emitModels(api: ApiModel, project: Project, typer: SchemaTyper): Map<string, string> {
  const locations = new Map<string, string>(api.models.map((m) => [m.name, modelFile(m)]));
  const locate = locator(locations);
  const byFile = new Map<string, ModelInfo[]>();
  for (const model of api.models) {
    const path = modelFile(model);
    byFile.set(path, [...(byFile.get(path) ?? []), model]);
  }
  for (const [path, models] of [...byFile].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const imports = new Map<string, string>();
    const statements: Statement[] = models.map((model) => {
      const { node, uses } = typer.typeOf(model.schema, `#/components/schemas/${model.key}`);
      for (const [name, file] of locate(uses)) imports.set(name, file);
      const schema = model.schema as SchemaObject;
      return namedType(model.name, node, jsdocText([schema.title, schema.description, usage(model)]));
    });
    const file = createFile(project, path, statements);
    file.addImportDeclarations(typeImports(path, imports));
  }
  return locations;
}

/** src/models/helpers.ts: the helper types openapi-typescript declared for the types emitted so far. */
export function emitHelpers(project: Project, typer: SchemaTyper): void {
  const helpers = [...typer.helpers].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, node]) => exported(node));
  createFile(project, HELPERS_FILE, [
    "// Type helpers that generated models rely on. Not part of the public API.",
    ...(helpers.length ? helpers : ["export {};"]),
  ]);
}
