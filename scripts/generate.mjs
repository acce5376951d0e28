// `npm run generate`: compiles the generator when its sources changed (see
// generator-launcher.mjs), then runs its command line with the same arguments.
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { compileIfStale } from "./generator-launcher.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const compiled = join(root, ".generator");
try {
  await compileIfStale(join(root, "generator"), compiled);
} catch (error) {
  // esbuild's message names the file, line and column of each error.
  console.error(`generate failed: cannot compile generator/: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
await import(pathToFileURL(join(compiled, "cli.js")).href);
