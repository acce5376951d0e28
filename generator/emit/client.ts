// Emits src/client.ts (the DigitalOcean class with one property per resource
// group) and src/index.ts (the package's single public entry point).
import { type Project, StructureKind, type WriterFunction } from "ts-morph";
import type { ApiModel, ResourceInfo } from "../model/types.ts";
import { CLIENT_CLASS } from "../naming/package-names.ts";
import { relativeModule } from "./declarations.ts";
import { CORE_MODULE, resourceFile } from "./operations.ts";
import { createFile } from "./statements.ts";

export const CLIENT_FILE = "src/client.ts";
export const INDEX_FILE = "src/index.ts";

const CLIENT_DOC = [
  "The DigitalOcean API client: every operation grouped by resource, e.g.",
  "`client.droplets.list()`. For the smallest bundles, construct a plain",
  "{@link Client} and call the standalone functions instead.",
].join("\n");

/** "3 operations: list, get, delete." */
function groupDoc(resource: ResourceInfo): string {
  const count = resource.operations.length;
  return `${count} operation${count === 1 ? "" : "s"}: ${resource.operations.map((o) => o.methodName).join(", ")}.`;
}

const blankLine: WriterFunction = (writer) => void writer.blankLine();

export function emitClient(api: ApiModel, project: Project): void {
  createFile(project, CLIENT_FILE, [
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: relativeModule(CLIENT_FILE, CORE_MODULE),
      namedImports: ["Client"],
    },
    ...api.resources.map((resource) => ({
      kind: StructureKind.ImportDeclaration as const,
      moduleSpecifier: relativeModule(CLIENT_FILE, resourceFile(resource)),
      namedImports: [resource.className],
    })),
    {
      kind: StructureKind.Class,
      name: CLIENT_CLASS,
      isExported: true,
      extends: "Client",
      docs: [CLIENT_DOC],
      properties: api.resources.map((resource, i) => ({
        // Documented members read best apart, as methods are.
        leadingTrivia: i === 0 ? undefined : blankLine,
        name: resource.property,
        isReadonly: true,
        // Stated, so the declaration file is written from this file alone (isolated declarations).
        type: resource.className,
        initializer: `new ${resource.className}(this)`,
        docs: [groupDoc(resource)],
      })),
    },
  ]);
}

export function emitIndex(api: ApiModel, project: Project, modelFiles: Iterable<string>): void {
  const reexport = (file: string) => ({
    kind: StructureKind.ExportDeclaration as const,
    moduleSpecifier: relativeModule(INDEX_FILE, file),
  });
  createFile(project, INDEX_FILE, [
    `// ${api.title} ${api.version}: generated entry point.`,
    reexport(CORE_MODULE),
    { ...reexport(CLIENT_FILE), namedExports: [CLIENT_CLASS] },
    ...[...new Set(modelFiles)].sort().map(reexport),
    ...api.resources.map((resource) => reexport(resourceFile(resource))),
  ]);
}
