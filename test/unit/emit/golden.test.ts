// Golden tests of every emitter: small made-up specs (test/fixtures/emit/*,
// with their own waiters and renames) run through the generator in memory
// (load, normalise, model, emit, format), and each generated source, the
// client, the index, the waiters, the model helpers, the deprecated aliases
// and the package files is compared with its file under golden/. A
// change of output is then a diff to review: `npx vitest run --project unit
// -u test/unit/emit/golden.test.ts` rewrites the files, and git shows what
// changed. The output must also type-check against the real runtime.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { parseRenames, parseWaiters, type SpecData } from "../../../generator/load/spec-data.ts";
import { renderPackage } from "../../../generator/pipeline.ts";
import { typeErrors } from "./type-check.ts";

const root = new URL("../../../", import.meta.url).pathname;
const fixtures = join(root, "test", "fixtures", "emit");

/** The README is the template's part; the runtime's own docs that close it are checked apart. */
function readmeHead(readme: string): string {
  const runtimeDocs = readFileSync(join(root, "templates", "runtime", "README.md"), "utf8").split("\n")[0]!;
  expect(readme).toContain(runtimeDocs);
  return readme.slice(0, readme.indexOf(runtimeDocs));
}

/** A fixture's own spec data: its waiters.json and renames.json, when it has them. */
function fixtureData(name: string): SpecData {
  const read = <T>(file: string, parse: (json: unknown, label: string) => T[]): T[] => {
    const path = join(fixtures, name, file);
    return existsSync(path) ? parse(JSON.parse(readFileSync(path, "utf8")), `test/fixtures/emit/${name}/${file}`) : [];
  };
  return {
    credentials: { bearer_auth: "token", inference_bearer_auth: "modelAccessKey" },
    modelNames: {},
    overlays: [],
    renames: read("renames.json", parseRenames),
    waiters: read("waiters.json", parseWaiters),
  };
}

describe.each(["shop", "clashes", "inference"])("the %s fixture", (name) => {
  const dir = join(fixtures, name);
  const rendered = renderPackage({ root, spec: join(dir, "openapi.yaml"), data: fixtureData(name) });
  const golden = (path: string) => join(dir, "golden", `${path}.snap`);

  it("emits the files it always did", async () => {
    const { files } = await rendered;
    const emitted = [...files.keys()].filter((path) => path.startsWith("src/") && !path.startsWith("src/core/")).sort();
    await expect(emitted.join("\n") + "\n").toMatchFileSnapshot(golden("files"));
    for (const path of emitted) await expect(files.get(path)).toMatchFileSnapshot(golden(path));
    await expect(files.get("package.json")).toMatchFileSnapshot(golden("package.json"));
    await expect(files.get("tsconfig.json")).toMatchFileSnapshot(golden("tsconfig.json"));
    await expect(readmeHead(files.get("README.md")!)).toMatchFileSnapshot(golden("README.md"));
  }, 120_000); // rendering (prettier included) takes seconds on a busy machine

  it("type-checks against the runtime", async () => {
    const { files } = await rendered;
    const sources = new Map([...files].filter(([path]) => path.startsWith("src/") && !path.startsWith("src/core/")));
    expect(typeErrors(sources)).toEqual([]);
  }, 120_000);

  it("states every export's type, so each module is declared from itself alone", async () => {
    const { files } = await rendered;
    const needChecker = [...files]
      .filter(([path]) => path.startsWith("src/") && !path.startsWith("src/core/"))
      .filter(
        ([path, text]) =>
          ts.transpileDeclaration(text, { fileName: path, reportDiagnostics: true }).diagnostics?.length !== 0,
      )
      .map(([path]) => path);
    expect(needChecker).toEqual([]);
  }, 120_000);
});
