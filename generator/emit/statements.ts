// Builds a generated file from its top-level statements, as text. ts-morph
// prints the structures (printStructure); nothing is parsed back, since no
// emitter edits a file once it is made: a ts-morph source file would re-parse
// its whole text on every insertion, which was most of the emit step.
//
// A statement is a ts-morph structure (function, class, type alias, import,
// export) or a declaration printed from its syntax tree (print.ts). The
// layout is the one the package has always had: a blank line before each
// function, and before a type alias that follows a block; a printed
// declaration, or a group class, right on the line below what precedes it.
// ts-morph writes a list of statements with a blank line after every `}`, so
// a printed declaration that follows a function or class, and every class,
// starts a new run, printed on its own; printed declarations in a row are
// written as one.
import {
  type ImportDeclarationStructure,
  type OptionalKind,
  printStructure,
  type Project,
  type StatementStructures,
  StructureKind,
  type WriterFunction,
} from "ts-morph";

/** A ts-morph structure, or a declaration already printed from its syntax tree. */
export type Statement = StatementStructures | string;

type Run = (StatementStructures | WriterFunction)[];

const isBlock = (s: Statement | undefined): boolean =>
  typeof s === "object" && (s.kind === StructureKind.Function || s.kind === StructureKind.Class);

/** Splits statements into runs, so that each is written in the layout described above. */
function runs(statements: readonly Statement[]): Run[] {
  const out: Run[] = [];
  let printed: string[] | undefined;
  let previous: Statement | undefined;
  for (const statement of statements) {
    if (typeof statement === "string" && printed) {
      printed.push(statement);
    } else {
      const below = typeof statement === "string" ? isBlock(previous) : statement.kind === StructureKind.Class;
      if (below || out.length === 0) out.push([]);
      const run = out[out.length - 1]!;
      if (typeof statement === "string") {
        const group = [statement];
        run.push((writer) => void writer.write(group.join("\n")));
        printed = group;
      } else {
        run.push(statement);
        printed = undefined;
      }
    }
    previous = statement;
  }
  return out;
}

/** Statements as text: ts-morph's printer, with its defaults (4-space indent, double quotes). */
const print = (statements: Run): string =>
  statements.length ? printStructure({ kind: StructureKind.SourceFile, statements }) : "";

/** A file being generated: its statements, and the imports added once they are known. */
export class GeneratedFile {
  readonly #body: string;
  #imports: OptionalKind<ImportDeclarationStructure>[] = [];

  constructor(statements: readonly Statement[]) {
    this.#body = runs(statements).map(print).join("");
  }

  /** Imports go first, in the order they were added, a blank line above the statements. */
  addImportDeclarations(imports: readonly OptionalKind<ImportDeclarationStructure>[]): void {
    this.#imports = [...this.#imports, ...imports];
  }

  addImportDeclaration(declaration: OptionalKind<ImportDeclarationStructure>): void {
    this.addImportDeclarations([declaration]);
  }

  getFullText(): string {
    const imports = print(this.#imports.map((i) => ({ ...i, kind: StructureKind.ImportDeclaration as const })));
    return imports && this.#body ? `${imports}\n${this.#body}` : imports + this.#body;
  }
}

const filesOf = new WeakMap<Project, Map<string, GeneratedFile>>();

/** Creates `path` (replacing any file there) from its statements; `generatedFiles(project)` lists it. */
export function createFile(project: Project, path: string, statements: readonly Statement[]): GeneratedFile {
  const files = filesOf.get(project) ?? new Map<string, GeneratedFile>();
  filesOf.set(project, files);
  const file = new GeneratedFile(statements);
  files.set(path, file);
  return file;
}

/** Every file created for `project`, in the order they were made: path -> text. */
export function generatedFiles(project: Project): Map<string, string> {
  return new Map([...(filesOf.get(project) ?? [])].map(([path, file]) => [path, file.getFullText()]));
}
