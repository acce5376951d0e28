// Where the benchmarks find their inputs and put their scratch files. Scratch
// lives in bench/tmp (git-ignored); results go to bench/results.json.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";

export const root = resolve(import.meta.dirname, "../..");
export const benchScripts = join(root, "scripts/bench");
export const benchModules = join(benchScripts, "node_modules");
export const consumersDir = join(root, "bench/consumers");
export const work = join(root, "bench/tmp");
export const resultsFile = join(root, "bench/results.json");
export const generatedDir = join(root, "generated");

const source = JSON.parse(readFileSync(join(root, "spec/source.json"), "utf8")) as {
  package: string;
  file: string;
};
/** A second spec to generate from and check consumers against (`BENCH_SPEC=<entry file> npm run bench`). */
export const secondSpec = process.env.BENCH_SPEC ? resolve(process.env.BENCH_SPEC) : undefined;
/** Where the consumers of the second spec's SDK find it (an installed copy, like the pinned one's). */
export const secondModules = join(work, "second/node_modules");
export const secondSdkDir = join(secondModules, "digitalocean-sdk");

/** The pinned spec, as the generator reads it. */
export const specFile = join(root, "node_modules", source.package, source.file);

export const tscJs = join(root, "node_modules/typescript/lib/tsc.js");
export const openapiTsCli = join(benchModules, "openapi-typescript/bin/cli.js");

/** The version a bench dependency is installed at, or undefined when it is missing. */
export function installedVersion(name: string): string | undefined {
  try {
    const pkg = JSON.parse(readFileSync(join(benchModules, name, "package.json"), "utf8"));
    return (pkg as { version: string }).version;
  } catch {
    return undefined;
  }
}
