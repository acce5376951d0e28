// Which modules are declared alone and which go through a program: the rule
// both the main thread and the declarations process follow.
import { describe, expect, it } from "vitest";
import { declareAlone, declareByProgram } from "../../../generator/build/declare-module.mjs";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const options = { declaration: true, emitDeclarationOnly: true, isolatedDeclarations: true, strict: true };

describe("declareAlone", () => {
  it("declares a module whose exports state their types", () => {
    expect(declareAlone("a.ts", "export const n: number = 1;\n", options)).toBe("export declare const n: number;\n");
  });

  it.each([
    ["an export without a stated type", "export const n = [1].map((x) => x);\n"],
    // transpileDeclaration would write the method twice, once as a property, and report nothing.
    [
      "a class member with a computed name",
      "export class S { [Symbol.iterator](): Iterator<number> { return [].values(); } }\n",
    ],
  ])("leaves %s to the program", (_, text) => {
    expect(declareAlone("a.ts", text, options)).toBeUndefined();
  });
});

describe("declareByProgram", () => {
  it("declares such a class once", () => {
    const dir = mkdtempSync(join(tmpdir(), "declare-module-"));
    try {
      const file = join(dir, "s.ts");
      writeFileSync(file, "export class S { [Symbol.iterator](): Iterator<number> { return [].values(); } }\n");
      const { declarations, diagnostics } = declareByProgram([file], { ...options, lib: ["lib.es2022.d.ts"] });
      expect(diagnostics).toEqual([]);
      expect(declarations[file]!.match(/Symbol\.iterator/g)).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
