// Emits src/client.ts (the DigitalOcean class with one property per resource
// group) and src/index.ts (the package's single public entry point).
import type { Project } from "ts-morph";
import type { ApiModel } from "../model/types.ts";
import { relativeModule } from "./models.ts";
import { CORE_MODULE, resourceFile } from "./operations.ts";

export const CLIENT_FILE = "src/client.ts";
export const INDEX_FILE = "src/index.ts";

export function emitClient(api: ApiModel, project: Project): void {
  const file = project.createSourceFile(CLIENT_FILE, "", { overwrite: true });
  file.addImportDeclaration({ moduleSpecifier: relativeModule(CLIENT_FILE, CORE_MODULE), namedImports: ["Client"] });
  for (const resource of api.resources) {
    file.addImportDeclaration({
      moduleSpecifier: relativeModule(CLIENT_FILE, resourceFile(resource)),
      namedImports: [resource.className],
    });
  }
  const members = api.resources
    .map(
      (r) =>
        `/** ${r.operations.length} operation${r.operations.length === 1 ? "" : "s"}: ${r.operations.map((o) => o.methodName).join(", ")}. */\nreadonly ${r.property} = new ${r.className}(this);`,
    )
    .join("\n\n");
  file.addStatements(
    `/**\n * The DigitalOcean API client: every operation grouped by resource, e.g.\n * \`client.droplets.list()\`. For the smallest bundles, construct a plain\n * {@link Client} and call the standalone functions instead.\n */\nexport class DigitalOcean extends Client {\n${members}\n}`,
  );
}

export function emitIndex(api: ApiModel, project: Project, modelFiles: Iterable<string>): void {
  const file = project.createSourceFile(INDEX_FILE, "", { overwrite: true });
  file.addStatements(`// ${api.title} ${api.version}: generated entry point.`);
  file.addExportDeclaration({ moduleSpecifier: relativeModule(INDEX_FILE, CORE_MODULE) });
  file.addExportDeclaration({
    moduleSpecifier: relativeModule(INDEX_FILE, CLIENT_FILE),
    namedExports: ["DigitalOcean"],
  });
  file.addExportDeclaration({ moduleSpecifier: "./waiters.js" });
  for (const model of [...new Set(modelFiles)].sort()) {
    file.addExportDeclaration({ moduleSpecifier: relativeModule(INDEX_FILE, model) });
  }
  for (const resource of api.resources) {
    file.addExportDeclaration({ moduleSpecifier: relativeModule(INDEX_FILE, resourceFile(resource)) });
  }
}
