// scripts/generator-launcher.mjs: `npm run generate` runs the generator
// compiled to JavaScript, so the compiled copy must follow every change of
// the sources, keep each module's place (paths computed from import.meta stay
// right) and be built again only when a source changed.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { compileIfStale, sourcesHash } from "../../../scripts/generator-launcher.mjs";

const dir = mkdtempSync(join(tmpdir(), "generator-launcher-"));
const src = join(dir, "generator");
const out = join(dir, ".generator");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(file: string, text: string): void {
  mkdirSync(join(src, file, ".."), { recursive: true });
  writeFileSync(join(src, file), text);
}

let loads = 0;
/** A compiled module's exports, loaded afresh (what it imports may come from the module cache). */
const load = async (file = "cli.js") =>
  (await import(`${pathToFileURL(join(out, file)).href}?${++loads}`)) as { answer: number; part: number; root: string };

write(
  "cli.ts",
  `import { part } from "./sub/part.ts";\nexport const answer: number = part * 2;\nexport { root } from "./sub/part.ts";\n`,
);
write(
  "sub/part.ts",
  `import { join } from "node:path";\nexport const part = 21;\nexport const root = join(import.meta.dirname, "..", "..");\n`,
);
write("sub/worker.mjs", "export const plain = true;\n");
write("sub/types.d.ts", "export type Nothing = never;\n");

describe("the generator launcher", () => {
  it("compiles each module to its own place, copies plain JavaScript and leaves declarations out", async () => {
    expect(await compileIfStale(src, out)).toBe(true);
    const compiled = await load();
    expect(compiled.answer).toBe(42);
    expect(compiled.root).toBe(dir);
    expect(readFileSync(join(out, "sub/worker.mjs"), "utf8")).toBe("export const plain = true;\n");
    expect(() => statSync(join(out, "sub/types.d.js"))).toThrow();
    expect(readFileSync(join(out, "cli.js"), "utf8")).toContain("./sub/part.js");
  });

  it("uses the compiled copy again while no source changed", async () => {
    const stamp = statSync(join(out, ".source-hash")).mtimeMs;
    expect(await compileIfStale(src, out)).toBe(false);
    expect(statSync(join(out, ".source-hash")).mtimeMs).toBe(stamp);
  });

  it("compiles again when any source changes, and runs the change", async () => {
    const before = sourcesHash(src);
    write("sub/part.ts", `export const part = 50;\nexport const root = "";\n`);
    expect(sourcesHash(src)).not.toBe(before);
    expect(await compileIfStale(src, out)).toBe(true);
    expect((await load("sub/part.js")).part).toBe(50);
    write("sub/worker.mjs", "export const plain = false;\n");
    expect(await compileIfStale(src, out)).toBe(true);
    expect(readFileSync(join(out, "sub/worker.mjs"), "utf8")).toContain("false");
  });
});
