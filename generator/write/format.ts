// Step 5: formatting, once, each file with the tool that pays for it.
// - TypeScript sources: Biome (the formatter this repository uses for its own
//   code), over all of them in one native process. It lays out printer output
//   like prettier does (the two differ in a handful of lines per package), in
//   about 0.1 s where prettier took seconds, most of it warming up its parser.
// - The README: prettier, whose markdown formatting aligns the generated
//   tables and lays out the code blocks; in a worker thread (workers.ts).
// - JSON is written by JSON.stringify in its final layout already, and the
//   runtime core (src/core) is copied as written: it is formatted here.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import type { FormatWorker } from "./workers.ts";

const run = promisify(execFile);
const require = createRequire(import.meta.url);

export const CORE_DIR = "src/core/";
/** The layout of generated sources: what prettier's defaults at 100 columns gave before. */
export const BIOME_CONFIG = {
  files: { maxSize: 64 * 1024 * 1024 },
  formatter: { indentStyle: "space", indentWidth: 2, lineWidth: 100 },
  javascript: { formatter: { quoteStyle: "double", trailingCommas: "all", semicolons: "always" } },
};
const MARKDOWN = { parser: "markdown", printWidth: 100, proseWrap: "preserve" } as const;

export class FormatError extends Error {}

/** Whether a file is formatted, and how. */
function formatterOf(path: string): "biome" | "prettier" | undefined {
  if (path.startsWith(CORE_DIR)) return undefined;
  if (path.endsWith(".ts")) return "biome";
  if (path.endsWith(".md")) return "prettier";
  return undefined;
}

/**
 * The TypeScript sources among `files`, formatted with Biome in a scratch
 * directory (path -> formatted text). One process formats them all, so each
 * file's time in `fileTimes` is its share of the bytes.
 */
export async function formatSources(
  files: ReadonlyMap<string, string>,
  fileTimes?: Map<string, number>,
): Promise<Map<string, string>> {
  const sources = [...files].filter(([path]) => formatterOf(path) === "biome");
  if (sources.length === 0) return new Map();
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), "digitalocean-sdk-format-"));
  try {
    writeFileSync(join(dir, "biome.json"), JSON.stringify(BIOME_CONFIG));
    for (const [path, text] of sources) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const biome = require.resolve("@biomejs/biome/bin/biome");
    await run(process.execPath, [biome, "format", "--write", "src"], { cwd: dir, maxBuffer: 64 << 20 }).catch(
      (error: { stdout?: string; stderr?: string }) => {
        const output = `${error.stderr ?? ""}${error.stdout ?? ""}`.trim().split("\n").slice(0, 30).join("\n");
        throw new FormatError(`the generated sources do not format (Biome):\n${output || String(error)}`);
      },
    );
    const formatted = new Map(sources.map(([path]) => [path, readFileSync(join(dir, path), "utf8")]));
    const bytes = sources.reduce((sum, [, text]) => sum + text.length, 0);
    const ms = performance.now() - started;
    for (const [path, text] of sources) fileTimes?.set(path, (fileTimes.get(path) ?? 0) + (ms * text.length) / bytes);
    return formatted;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The documents among `files`, formatted with prettier in the worker thread (path -> formatted text). */
export async function formatDocuments(
  files: ReadonlyMap<string, string>,
  worker: FormatWorker,
  fileTimes?: Map<string, number>,
): Promise<Map<string, string>> {
  const documents = [...files].filter(([path]) => formatterOf(path) === "prettier");
  const formatted = await Promise.all(
    documents.map(async ([path, text]) => {
      const result = await worker.format({ path, text, ...MARKDOWN });
      fileTimes?.set(path, (fileTimes.get(path) ?? 0) + result.formatMs);
      return [path, result.text] as const;
    }),
  );
  return new Map(formatted);
}
