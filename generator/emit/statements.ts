// Builds a generated file from its top-level statements in a few ts-morph
// calls instead of one per statement (each call re-parses the whole file).
//
// A statement is a ts-morph structure (function, class, type alias, import,
// export) or a declaration printed from its syntax tree (print.ts). The
// layout is the one the package has always had: a blank line before each
// function, and before a type alias that follows a block; a printed
// declaration, or a group class, right on the line below what precedes it.
// ts-morph writes a list of statements with a blank line after every `}`, so
// a printed declaration that follows a function or class, and every class,
// starts a new insertion; printed declarations in a row are written as one.
import { type Project, type SourceFile, type StatementStructures, StructureKind, type WriterFunction } from "ts-morph";

/** A ts-morph structure, or a declaration already printed from its syntax tree. */
export type Statement = StatementStructures | string;

type Run = (StatementStructures | WriterFunction)[];

const isBlock = (s: Statement | undefined): boolean =>
  typeof s === "object" && (s.kind === StructureKind.Function || s.kind === StructureKind.Class);

/** Splits statements into insertions, so that ts-morph writes them in the layout described above. */
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

/** Creates `path` (replacing any file there) from its statements. */
export function createFile(project: Project, path: string, statements: readonly Statement[]): SourceFile {
  const [first = [], ...rest] = runs(statements);
  const file = project.createSourceFile(path, { statements: first }, { overwrite: true });
  for (const run of rest) file.addStatements(run);
  return file;
}
