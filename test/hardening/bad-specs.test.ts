// Broken inputs through the real CLI: each fails with exit code 1 and one
// error line that starts with the file and the JSON pointer of the problem,
// and the previous output directory is left byte for byte as it was.
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, it } from "vitest";
import { badSpecs, removeTempDirs, runGenerator, snapshot, tempDir } from "./support/generator-cli.ts";

afterAll(removeTempDirs);

interface Case {
  fixture: string;
  /** The file the error must name, when it is not the fixture itself. */
  file?: string;
  pointer?: string;
  says: string[];
}

const schemaRef = "#/paths/~1v2~1things/get/responses/200/content/application~1json/schema/$ref";

const cases: Case[] = [
  {
    fixture: "invalid-json.json",
    pointer: "#/paths/~1v2~1things/get/responses",
    says: ["invalid JSON at line 5, column 107", "expected a double-quoted property name"],
  },
  { fixture: "invalid-yaml.yaml", pointer: "#/paths", says: ["invalid YAML at line 10, column 3"] },
  {
    fixture: "broken-ref.json",
    pointer: schemaRef,
    says: ['$ref "#/components/schemas/Thingg" does not resolve', 'no "Thingg" in #/components/schemas'],
  },
  {
    fixture: "missing-file.yaml",
    pointer: schemaRef,
    says: ["not-there.yaml, which cannot be read: the file does not exist"],
  },
  {
    fixture: "nested-broken-ref/openapi.yaml",
    file: "nested-broken-ref/schemas.yaml",
    pointer: "#/Thing/properties/owner/$ref",
    says: ['$ref "#/Owner" does not resolve'],
  },
  { fixture: "remote-ref.yaml", pointer: schemaRef, says: ["is a URL: a spec must be made of local files"] },
  {
    fixture: "duplicate-operation-ids.json",
    pointer: "#/paths/~1v2~1other-things/get/operationId",
    says: ['duplicate operationId "things_list" (also at #/paths/~1v2~1things/get/operationId)'],
  },
  {
    fixture: "unknown-parameter-location.json",
    pointer: "#/paths/~1v2~1things/get/parameters/1/in",
    says: ['unknown parameter location "matrix"'],
  },
  {
    fixture: "invalid-header-name.json",
    pointer: "#/paths/~1v2~1things/get/parameters/1/name",
    says: ['header parameter name "X-Not Fine:" is not a valid HTTP header name'],
  },
  {
    fixture: "undeclared-path-parameter.json",
    pointer: "#/paths/~1v2~1things~1{thing_id}/get",
    says: ['declares no path parameter "thing_id"'],
  },
  {
    fixture: "unreadable-path-template.json",
    pointer: "#/paths/~1v2~1things~1<thing_id>/get",
    says: ["path template /v2/things/<thing_id> is not literal segments and {name} placeholders"],
  },
  {
    fixture: "hostless-server-path.json",
    pointer: "#/paths/~1v2~1upload/put",
    says: ["server https:// has no host, so its path must be /<name>"],
  },
  { fixture: "no-such-spec.json", says: ["cannot read the spec", "ENOENT"] },
];

const previousOutput: Record<string, string> = {
  "package.json": '{ "name": "digitalocean-sdk", "version": "0.0.1" }\n',
  "src/index.ts": 'export * from "./client.js";\n',
  "dist/esm/index.js": 'export * from "./client.js";\n',
  "openapi.json": "{}\n",
};

describe("a broken spec stops the generator with a located error", () => {
  let out: string;
  let before: Record<string, string>;

  beforeAll(() => {
    // A previous output to leave alone; its content does not matter, only that not a byte of it changes.
    out = join(tempDir("bad-specs"), "sdk");
    for (const [path, text] of Object.entries(previousOutput)) {
      mkdirSync(dirname(join(out, path)), { recursive: true });
      writeFileSync(join(out, path), text);
    }
    before = snapshot(out);
  });

  // Concurrent: each case is a separate generator process that fails early.
  it.concurrent.for(cases)("$fixture", async ({ fixture, file, pointer, says }, { expect }) => {
    const result = await runGenerator(["--spec", join(badSpecs, fixture), "--out", out, "--no-build"]);
    expect(result.code).toBe(1);
    const where = join(badSpecs, file ?? fixture) + (pointer ? ` at ${pointer}` : "");
    expect(result.stderr).toContain(`generate failed: ${where}: `);
    for (const words of says) expect(result.stderr).toContain(words);
    expect(result.stdout).not.toContain("generated in");
    // The previous output is untouched and no staging directory is left behind.
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(dirname(out))).toEqual(["sdk"]);
  });
});
