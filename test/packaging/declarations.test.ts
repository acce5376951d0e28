// The build writes each module's declarations from that module alone, with
// no type-check; here tsc checks the whole generated package strictly (as it
// did in every build before) and declares it, and what the package ships
// must be exactly what tsc declares.
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root } from "./support/consumers.ts";

const run = promisify(execFile);
const generated = join(root, "generated");
const tsc = join(root, "node_modules/typescript/bin/tsc");
const out = mkdtempSync(join(tmpdir(), "declarations-"));
let checked: { stdout: string; failed: boolean };

const declarations = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".d.ts"))
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();

beforeAll(async () => {
  // The package's own tsconfig: strict, skipLibCheck off, declarations only.
  checked = await run(process.execPath, [tsc, "-p", join(generated, "tsconfig.json"), "--outDir", out], {
    cwd: generated,
    maxBuffer: 64 << 20,
  }).then(
    ({ stdout }) => ({ stdout, failed: false }),
    (e: { stdout: string }) => ({ stdout: e.stdout, failed: true }),
  );
}, 300_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("the generated package", () => {
  it("type-checks strictly with tsc, skipLibCheck off", () => {
    expect(checked.stdout).toBe("");
    expect(checked.failed).toBe(false);
  });

  it("ships, in both formats, exactly the declarations tsc writes", () => {
    const wanted = declarations(out);
    expect(wanted.length).toBeGreaterThan(50);
    for (const format of ["esm", "cjs"]) {
      const dist = join(generated, "dist", format);
      expect(declarations(dist)).toEqual(wanted);
      const differ = wanted.filter((f) => readFileSync(join(dist, f), "utf8") !== readFileSync(join(out, f), "utf8"));
      expect(differ).toEqual([]);
    }
  });
});
