// Golden tests of every emitter: small made-up specs (test/fixtures/emit/*)
// run through the generator in memory (load, normalise, model, emit, format),
// and each generated source, the client, the index, the waiters, the model
// helpers and the package files is compared with its file under golden/. A
// change of output is then a diff to review: `npx vitest run --project unit
// -u test/unit/emit/golden.test.ts` rewrites the files, and git shows what
// changed. The output must also type-check against the real runtime.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseWaiters } from "../../../generator/load/spec-data.ts";
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

describe.each(["shop", "clashes"])("the %s fixture", (name) => {
  const dir = join(fixtures, name);
  const rendered = renderPackage({
    root,
    spec: join(dir, "openapi.yaml"),
    data: {
      modelNames: {},
      overlays: [],
      renames: [],
      waiters: existsSync(join(dir, "waiters.json"))
        ? parseWaiters(
            JSON.parse(readFileSync(join(dir, "waiters.json"), "utf8")),
            `test/fixtures/emit/${name}/waiters.json`,
          )
        : [],
    },
  });
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
});
