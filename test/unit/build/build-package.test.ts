// The build on tiny packages: declarations written from each module alone,
// the type checker only for a module whose exports do not state their types
// (and the build says which), and --type-check failing on a type error.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BuildError, buildPackage, typeCheckPackage } from "../../../generator/build/build-package.ts";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const tsconfig = {
  compilerOptions: {
    target: "ES2022",
    lib: ["ES2022"],
    module: "NodeNext",
    moduleResolution: "NodeNext",
    strict: true,
    skipLibCheck: false,
    declaration: true,
    emitDeclarationOnly: true,
    outDir: "dist/types",
    rootDir: "src",
    types: [],
  },
  include: ["src"],
};

function tinyPackage(sources: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "build-package-"));
  dirs.push(dir);
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify(tsconfig));
  for (const [path, text] of Object.entries(sources)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const read = (dir: string, path: string) => readFileSync(join(dir, path), "utf8");

describe("buildPackage", () => {
  it("declares modules whose exports state their types without the type checker", async () => {
    const dir = tinyPackage({
      "src/a.ts": `import type { B } from "./b.js";\n/** Doc. */\nexport function a(b: B): number {\n  return b.n;\n}\n`,
      "src/b.ts": "export interface B {\n  n: number;\n}\n",
    });
    expect(await buildPackage(dir)).toEqual({ declaredByProgram: [] });
    for (const format of ["esm", "cjs"]) {
      expect(read(dir, `dist/${format}/a.d.ts`)).toBe(
        `import type { B } from "./b.js";\n/** Doc. */\nexport declare function a(b: B): number;\n`,
      );
      expect(read(dir, `dist/${format}/a.js`)).toContain("return b.n");
    }
    expect(read(dir, "dist/cjs/package.json")).toContain("commonjs");
  });

  it("infers what a module leaves unstated through the type checker, and names the module", async () => {
    const dir = tinyPackage({
      "src/a.ts": 'export function pick(n: number) {\n  return n > 0 ? "one" : 1;\n}\n',
      "src/b.ts": "export const b: string = 'b';\n",
    });
    expect(await buildPackage(dir)).toEqual({ declaredByProgram: ["src/a.ts"] });
    expect(read(dir, "dist/esm/a.d.ts")).toBe('export declare function pick(n: number): "one" | 1;\n');
    expect(read(dir, "dist/esm/b.d.ts")).toBe("export declare const b: string;\n");
  });

  it("does not type-check unless asked; asked, a type error fails the build", async () => {
    const dir = tinyPackage({ "src/a.ts": `export const a: number = "not a number";\n` });
    await expect(buildPackage(dir)).resolves.toEqual({ declaredByProgram: [] });
    await expect(buildPackage(dir, { typeCheck: true })).rejects.toThrow(BuildError);
    await expect(typeCheckPackage(dir)).rejects.toThrow(/a\.ts.*TS2322/);
  }, 60_000);
});
