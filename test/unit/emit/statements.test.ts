// The layout of a generated file: a blank line before each function, and
// before a type alias that follows a block; a printed declaration, or a class,
// right below what precedes it. (The golden files show it at scale.)
import { Project, type StatementStructures, StructureKind } from "ts-morph";
import { describe, expect, it } from "vitest";
import { createFile, type Statement } from "../../../generator/emit/statements.ts";

const alias = (name: string): StatementStructures => ({ kind: StructureKind.TypeAlias, name, type: "string" });
const fn = (name: string): StatementStructures => ({ kind: StructureKind.Function, name, statements: "return;" });
const cls = (name: string): StatementStructures => ({ kind: StructureKind.Class, name });
const printed = (name: string): Statement => `interface ${name} {\n}`;

const layout = (statements: Statement[]) =>
  createFile(new Project({ useInMemoryFileSystem: true }), "a.ts", statements)
    .getFullText()
    .replace(/\{\n(\s*return;\n)?\}/g, "{}") // bodies are not what is tested here
    .trim();

describe("createFile", () => {
  it.each<[string, Statement[], string]>([
    [
      "printed declarations in a row, then aliases",
      [printed("A"), printed("B"), alias("C"), alias("D")],
      "interface A {}\ninterface B {}\n\ntype C = string;\ntype D = string;",
    ],
    [
      "a function after a declaration, a printed declaration after a function",
      [alias("A"), fn("f"), printed("B"), fn("g")],
      "type A = string;\n\nfunction f() {}\ninterface B {}\n\nfunction g() {}",
    ],
    ["an alias after a function", [fn("f"), alias("A")], "function f() {}\n\ntype A = string;"],
    ["a class right below the function before it", [fn("f"), cls("C")], "function f() {}\nclass C {}"],
    ["a comment, then aliases", ["// header", alias("A")], "// header\ntype A = string;"],
  ])("%s", (_, statements, want) => {
    expect(layout(statements)).toBe(want);
  });
});
