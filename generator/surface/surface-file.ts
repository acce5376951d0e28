// api.json on disk: written with sorted keys, one operation or model per line
// (so a plain text diff of two files is readable too), and read back with
// errors that name the file.
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { checkSurface, SurfaceFileError } from "./check-surface.ts";
import type { Surface } from "./types.ts";

export const SURFACE_FILE = "api.json";

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!value || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    // defineProperty: a field named "__proto__" must stay a field.
    Object.defineProperty(out, key, {
      value: sortKeys((value as Record<string, unknown>)[key]),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/** Pretty for the first `depth` levels, one line below. */
function layout(value: unknown, depth: number, indent: string): string {
  const inner = indent + "  ";
  if (depth > 0 && Array.isArray(value) && value.length) {
    return `[\n${value.map((v) => inner + layout(v, depth - 1, inner)).join(",\n")}\n${indent}]`;
  }
  if (depth > 0 && value && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length) {
    const entries = Object.entries(value).map(
      ([k, v]) => `${inner}${JSON.stringify(k)}: ${layout(v, depth - 1, inner)}`,
    );
    return `{\n${entries.join(",\n")}\n${indent}}`;
  }
  return JSON.stringify(value);
}

export function serializeSurface(surface: Surface): string {
  return layout(sortKeys(surface), 2, "") + "\n";
}

/** A generated directory (its api.json) or an api.json file. */
export function readSurface(path: string): Surface {
  if (!existsSync(path)) throw new SurfaceFileError(`${path}: no such file or directory`);
  const file = statSync(path).isDirectory() ? join(path, SURFACE_FILE) : path;
  if (!existsSync(file))
    throw new SurfaceFileError(
      `${path} has no ${SURFACE_FILE}: run \`npm run generate\` (output from before api.json existed cannot be compared)`,
    );
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new SurfaceFileError(`${file}: not valid JSON: ${(error as Error).message}`);
  }
  return checkSurface(json, file);
}

/** What the generate summary compares with: the api.json an output directory already holds, if any. */
export function previousSurface(outDir: string): { surface: Surface } | { problem: string } | undefined {
  if (!existsSync(join(outDir, SURFACE_FILE))) return undefined;
  try {
    return { surface: readSurface(outDir) };
  } catch (error) {
    return { problem: (error as Error).message };
  }
}
