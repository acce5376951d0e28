// Type-checks emitted sources next to the real runtime core (as src/core), in
// memory, under the strict settings the package is built with.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Project, ts } from "ts-morph";

const runtime = new URL("../../../templates/runtime/", import.meta.url).pathname;

/** The diagnostics of the package made of `files` and the runtime, as "file: message" lines. */
export function typeErrors(files: ReadonlyMap<string, string>): string[] {
  const project = new Project({
    useInMemoryFileSystem: true,
    compilerOptions: {
      strict: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
      noEmit: true,
    },
  });
  for (const [path, text] of files) project.createSourceFile(path, text);
  for (const name of readdirSync(runtime).filter((n) => n.endsWith(".ts")))
    project.createSourceFile(`src/core/${name}`, readFileSync(join(runtime, name), "utf8"));
  return project
    .getPreEmitDiagnostics()
    .map(
      (d) =>
        `${d.getSourceFile()?.getFilePath()}: ${ts.flattenDiagnosticMessageText(d.getMessageText() as string, "\n")}`,
    );
}
