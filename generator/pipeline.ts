// The generator, step by step: load -> normalise -> model -> emit -> format ->
// write atomically (and build). Each step lives in its own module; this file
// only wires them together and collects what the summary reports.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { buildPackage } from "./build/build-package.ts";
import { packageFiles } from "./emit/package-files.ts";
import { emitSources } from "./emit/sources.ts";
import { runtimeClientMembers, runtimeExportNames } from "./naming/runtime-names.ts";
import { loadSpec, pinnedSpecPath, SpecError, type SpecSource } from "./load/load-spec.ts";
import { readSpecData, type SpecData } from "./load/spec-data.ts";
import { buildModel } from "./model/build-model.ts";
import type { ApiModel } from "./model/types.ts";
import { normalize, normalizePasses } from "./normalize/index.ts";
import type { PassReport } from "./normalize/pass.ts";
import type { OpenApiDocument } from "./openapi.ts";
import { formatFiles } from "./write/format.ts";
import { writeAtomically } from "./write/atomic.ts";

export interface GenerateOptions {
  /** Project root: where spec/, templates/ and node_modules are. */
  root: string;
  /** Another spec file; default is the pinned one from spec/source.json. */
  spec?: string;
  /** Accept a pinned spec whose sha256 differs from spec/source.json. */
  updateSpec?: boolean;
  outDir: string;
  /** Skip tsc/esbuild (used by tests that only inspect sources). */
  build?: boolean;
  /** The data in spec/ (model names, overlays, waiters); default: read and checked from `root`. */
  data?: SpecData;
}

export interface GenerateResult {
  specFile: string;
  sha256: string;
  api: ApiModel;
  reports: PassReport[];
  files: number;
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, "utf8")) as T;
}

export async function resolveInput(
  options: Pick<GenerateOptions, "root" | "spec" | "updateSpec">,
): Promise<{ file: string; doc: OpenApiDocument; sha256: string; pinned?: SpecSource }> {
  if (options.spec) {
    const loaded = await loadSpec(options.spec);
    return { file: loaded.file, doc: loaded.doc, sha256: loaded.sha256 };
  }
  const source = readJson<SpecSource>(join(options.root, "spec", "source.json"));
  const file = pinnedSpecPath(source, options.root);
  const loaded = await loadSpec(file);
  if (loaded.sha256 !== source.sha256 && !options.updateSpec) {
    throw new SpecError(
      `sha256 is ${loaded.sha256} but spec/source.json pins ${source.sha256}. ` +
        "If this is an intended spec update, run `npm run generate -- --update-spec` and review the diff.",
      file,
    );
  }
  return { file, doc: loaded.doc, sha256: loaded.sha256, pinned: source };
}

/** The runtime core ships inside the package as src/core. */
function runtimeFiles(root: string): Map<string, string> {
  const dir = join(root, "templates", "runtime");
  const files = new Map<string, string>();
  for (const name of readdirSync(dir).sort()) {
    if (name.endsWith(".ts") && !name.endsWith(".test.ts"))
      files.set(`src/core/${name}`, readFileSync(join(dir, name), "utf8"));
  }
  return files;
}

/** The generated package's files, formatted, and what the summary reports; nothing is written. */
export interface RenderedPackage {
  specFile: string;
  sha256: string;
  api: ApiModel;
  reports: PassReport[];
  /** Path under the package root -> text. */
  files: Map<string, string>;
}

/** Load -> normalise -> model -> emit -> format: every file of the package, in memory. */
export async function renderPackage(
  options: Omit<GenerateOptions, "outDir" | "build">,
  input?: { file: string; doc: OpenApiDocument; sha256: string },
): Promise<RenderedPackage> {
  const { file, doc, sha256 } = input ?? (await resolveInput(options));
  const data = options.data ?? readSpecData(options.root);
  const normalized = normalize(doc, normalizePasses(data));
  const runtimeDir = join(options.root, "templates", "runtime");
  const waiterReport: PassReport = { pass: "waiters", fixes: [], warnings: [] };
  const api = buildModel(
    normalized.doc,
    { exports: runtimeExportNames(runtimeDir), clientMembers: runtimeClientMembers(runtimeDir) },
    { waiters: data.waiters, onMissingWaiter: (message) => waiterReport.warnings.push({ message }) },
  );

  const files = emitSources(api);
  for (const [path, text] of runtimeFiles(options.root)) files.set(path, text);
  for (const [path, text] of packageFiles(api, join(options.root, "templates"))) files.set(path, text);
  files.set("openapi.json", JSON.stringify(normalized.doc, null, 2) + "\n");
  return {
    specFile: file,
    sha256,
    api,
    reports: [...normalized.reports, waiterReport],
    files: await formatFiles(files),
  };
}

export async function generate(
  options: GenerateOptions,
  input?: { file: string; doc: OpenApiDocument; sha256: string },
): Promise<GenerateResult> {
  const { files, specFile, sha256, api, reports } = await renderPackage(options, input);
  await writeAtomically(options.outDir, files, async (staging) => {
    if (options.build !== false) await buildPackage(staging);
  });
  return { specFile, sha256, api, reports, files: files.size };
}
