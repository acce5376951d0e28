// `npm run generate [-- --spec <file>] [--update-spec] [--out <dir>] [--no-build] [--type-check] [--verbose]`
// Prints a one-screen summary; any failure prints one clear error and exits 1
// with the previous output left as it was.
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { generate } from "./pipeline.ts";
import { summary } from "./summary.ts";

const root = resolve(import.meta.dirname, "..");

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      spec: { type: "string" },
      "update-spec": { type: "boolean", default: false },
      out: { type: "string", default: join(root, "generated") },
      "no-build": { type: "boolean", default: false },
      "type-check": { type: "boolean", default: false },
      verbose: { type: "boolean", default: false },
    },
    strict: true,
  });
  const started = performance.now();
  const result = await generate({
    root,
    spec: values.spec,
    updateSpec: values["update-spec"],
    outDir: resolve(values.out!),
    build: !values["no-build"],
    typeCheck: values["type-check"],
  });
  if (values["update-spec"] && !values.spec) {
    const path = join(root, "spec", "source.json");
    const source = JSON.parse(readFileSync(path, "utf8")) as { sha256: string };
    if (source.sha256 !== result.sha256) {
      writeFileSync(path, JSON.stringify({ ...source, sha256: result.sha256 }, null, 2) + "\n");
      console.log(`spec/source.json now pins sha256 ${result.sha256}`);
    }
  }
  console.log(summary(result, resolve(values.out!), performance.now() - started, values.verbose));
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`generate failed: ${message}`);
  process.exitCode = 1;
});
