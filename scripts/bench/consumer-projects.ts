// Lays out the consumer projects in bench/tmp/consumers/<name>/, each with the
// same tsconfig, over one node_modules that holds a copy of the built SDK (as an
// install would) and links to the comparison packages in scripts/bench.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { benchModules, consumersDir, generatedDir, secondSdkDir, work } from "./paths.ts";

export const consumerDir = (name: string): string => join(work, "consumers", name);
/** Our consumers again, over the SDK generated from BENCH_SPEC (bench/tmp/second/node_modules). */
export const secondConsumerDir = (name: string): string => join(work, "second", name);
/** The consumers that are also checked and bundled against the second spec's SDK. */
export const SECOND_CONSUMERS = ["ours"];

/** How many operations an installed SDK has (its package.json description says). */
export function sdkOperations(sdkDir: string): number {
  try {
    const { description } = JSON.parse(readFileSync(join(sdkDir, "package.json"), "utf8")) as { description: string };
    return Number(/(\d+) operations/.exec(description)?.[1]);
  } catch {
    return NaN;
  }
}

/** Where the generation benchmark leaves openapi-typescript's output for the openapi-fetch consumer. */
export const openapiTsSchema = join(work, "openapi-typescript", "schema.d.ts");

/** What every consumer is checked with: strict, and library .d.ts files checked too. */
export const consumerCompilerOptions = {
  target: "ES2022",
  module: "NodeNext",
  moduleResolution: "NodeNext",
  lib: ["ES2022"],
  types: ["node"],
  strict: true,
  skipLibCheck: false,
  noEmit: true,
};

export function prepareConsumers(): void {
  const modules = join(work, "node_modules");
  rmSync(modules, { recursive: true, force: true });
  mkdirSync(modules, { recursive: true });
  if (existsSync(benchModules))
    for (const entry of readdirSync(benchModules))
      if (!entry.startsWith(".")) symlinkSync(join(benchModules, entry), join(modules, entry));
  if (existsSync(join(generatedDir, "dist"))) {
    const sdk = join(modules, "digitalocean-sdk");
    mkdirSync(sdk);
    cpSync(join(generatedDir, "package.json"), join(sdk, "package.json"));
    cpSync(join(generatedDir, "dist"), join(sdk, "dist"), { recursive: true });
  }
  writeFileSync(join(work, "package.json"), JSON.stringify({ private: true, type: "module" }));
  writeFileSync(
    join(work, "tsconfig.base.json"),
    JSON.stringify({ compilerOptions: consumerCompilerOptions }, null, 2),
  );
  for (const file of readdirSync(consumersDir)) {
    const dir = consumerDir(file.replace(/\.ts$/, ""));
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    cpSync(join(consumersDir, file), join(dir, "index.ts"));
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({ extends: "../../tsconfig.base.json", files: ["index.ts"] }),
    );
  }
  if (existsSync(openapiTsSchema)) cpSync(openapiTsSchema, join(consumerDir("openapi-fetch"), "schema.d.ts"));
  for (const name of SECOND_CONSUMERS) {
    const dir = secondConsumerDir(name);
    rmSync(dir, { recursive: true, force: true });
    if (!existsSync(secondSdkDir)) continue;
    mkdirSync(dir, { recursive: true });
    cpSync(join(consumersDir, `${name}.ts`), join(dir, "index.ts"));
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({ extends: "../../tsconfig.base.json", files: ["index.ts"] }),
    );
  }
}
