// The generator, step by step: load -> normalise -> model -> emit -> format ->
// write atomically (and build). Each step lives in its own module; this file
// only wires them together and collects what the summary reports.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { buildPackage } from "./build/build-package.ts";
import { DeclarationProcess } from "./build/declaration-process.ts";
import { packageFiles, packageTsconfig } from "./emit/package-files.ts";
import { emitSources } from "./emit/sources.ts";
import { runtimeClientMembers, runtimeExportNames } from "./naming/runtime-names.ts";
import { loadSpec, pinnedSpecPath, SpecError, type SpecSource, type ValidateApart } from "./load/load-spec.ts";
import { readSpecData, type SpecData } from "./load/spec-data.ts";
import { buildModel } from "./model/build-model.ts";
import type { ApiModel } from "./model/types.ts";
import { checkNormalized } from "./normalize/check-normalized.ts";
import { normalize, normalizePasses } from "./normalize/index.ts";
import type { PassReport } from "./normalize/pass.ts";
import type { OpenApiDocument } from "./openapi.ts";
import { type ApiChanges, surfaceOutput } from "./surface/output.ts";
import { SURFACE_FILE } from "./surface/surface-file.ts";
import type { Surface } from "./surface/types.ts";
import { newTimings, type RunTimings, timeStep, timeStepAsync } from "./timings.ts";
import { CORE_DIR, formatDocuments, formatSources } from "./write/format.ts";
import { FormatWorker } from "./write/workers.ts";
import { writeAtomically } from "./write/atomic.ts";

export interface GenerateOptions {
  /** Project root: where spec/, templates/ and node_modules are. */
  root: string;
  /** Another spec file; default is the pinned one from spec/source.json. */
  spec?: string;
  /** Accept a pinned spec whose sha256 differs from spec/source.json. */
  updateSpec?: boolean;
  outDir: string;
  /** Skip the build: declarations and esbuild (used by tests that only inspect sources). */
  build?: boolean;
  /** Also type-check the whole package strictly with tsc while it builds (`--type-check`). */
  typeCheck?: boolean;
  /** The data in spec/ (model names, overlays, renames, waiters); default: read and checked from `root`. */
  data?: SpecData;
}

export interface GenerateResult {
  specFile: string;
  sha256: string;
  api: ApiModel;
  reports: PassReport[];
  files: number;
  /** The public surface written to api.json. */
  surface: Surface;
  /** Against the api.json the output directory held before this run, when it held one. */
  apiChanges?: ApiChanges;
  /** Where the run's time went: per step, per pass, per file. */
  timings: RunTimings;
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, "utf8")) as T;
}

/** What rendering in memory needs: no output directory (without one, nothing is compared) and no build. */
export type RenderOptions = Omit<GenerateOptions, "outDir" | "build"> &
  Partial<Pick<GenerateOptions, "outDir" | "build">>;

export async function resolveInput(
  options: RenderOptions,
  validateApart?: ValidateApart,
): Promise<{ file: string; doc: OpenApiDocument; sha256: string; pinned?: SpecSource; validated?: Promise<void> }> {
  if (options.spec) {
    const loaded = await loadSpec(options.spec, validateApart);
    return { file: loaded.file, doc: loaded.doc, sha256: loaded.sha256, validated: loaded.validated };
  }
  const source = readJson<SpecSource>(join(options.root, "spec", "source.json"));
  const file = pinnedSpecPath(source, options.root);
  const loaded = await loadSpec(file, validateApart);
  if (loaded.sha256 !== source.sha256 && !options.updateSpec) {
    throw new SpecError(
      `sha256 is ${loaded.sha256} but spec/source.json pins ${source.sha256}. ` +
        "If this is an intended spec update, run `npm run generate -- --update-spec` and review the diff.",
      file,
    );
  }
  return { file, doc: loaded.doc, sha256: loaded.sha256, pinned: source, validated: loaded.validated };
}

/** The runtime core ships inside the package as src/core, as written: path there -> file in templates/runtime. */
function runtimeSources(root: string): Map<string, string> {
  const dir = join(root, "templates", "runtime");
  const files = new Map<string, string>();
  for (const name of readdirSync(dir).sort()) {
    if (name.endsWith(".ts") && !name.endsWith(".test.ts")) files.set(`${CORE_DIR}${name}`, join(dir, name));
  }
  return files;
}

/** The runtime core's declarations (keys: paths in the package), from the run's declarations process. */
async function declareCore(
  root: string,
  declarer: DeclarationProcess,
): Promise<{ declarations: Map<string, string>; declaredByProgram: string[] }> {
  const core = runtimeSources(root);
  const { declarations, declaredByProgram } = await declarer.declare({
    tsconfig: packageTsconfig(join(root, "templates")),
    files: [...core.values()],
  });
  const inPackage = new Map([...core].map(([path, source]) => [source, path]));
  return {
    declarations: new Map(Object.entries(declarations).map(([source, text]) => [inPackage.get(source)!, text])),
    declaredByProgram: declaredByProgram.map((source) => inPackage.get(source)!),
  };
}

/** The generated package's files, formatted, and what the summary reports; nothing is written. */
export interface RenderedPackage extends Omit<GenerateResult, "files"> {
  /** Path under the package root -> text. */
  files: Map<string, string>;
}

/**
 * Load -> normalise -> model -> emit -> format: every file of the package, in
 * memory. With `outDir`, the public surface is compared with the api.json there.
 * `worker` formats the README; without one, a worker is started and closed here.
 */
export async function renderPackage(
  options: RenderOptions,
  input?: { file: string; doc: OpenApiDocument; sha256: string },
  context: { timings?: RunTimings; worker?: FormatWorker } = {},
): Promise<RenderedPackage> {
  const worker = context.worker ?? startWorker();
  const timings = context.timings ?? newTimings();
  try {
    if (input) return await render(options, input, timings, worker);
    // The spec is validated in the worker while this thread goes on; an
    // invalid spec fails the run with the validator's error, whatever a
    // later step made of it meanwhile.
    const loaded = await timeStepAsync(timings, "load", () => resolveInput(options, (doc) => worker.validate(doc)));
    let rendered: RenderedPackage;
    try {
      rendered = await render(options, loaded, timings, worker);
    } catch (error) {
      await loaded.validated;
      throw error;
    }
    await timeStepAsync(timings, "load", async () => loaded.validated);
    return rendered;
  } finally {
    if (!context.worker) await worker.close();
  }
}

/** A worker thread that starts loading prettier now, while this thread loads the spec. */
function startWorker(): FormatWorker {
  const worker = new FormatWorker();
  worker.warm().catch(() => undefined); // a worker that cannot load fails its first job, which says why
  return worker;
}

async function render(
  options: RenderOptions,
  input: { file: string; doc: OpenApiDocument; sha256: string },
  timings: RunTimings,
  worker: FormatWorker,
): Promise<RenderedPackage> {
  const { file, doc, sha256 } = input;
  const data = timeStep(timings, "load", () => options.data ?? readSpecData(options.root));
  const normalized = timeStep(timings, "normalise", () => {
    const result = normalize(doc, normalizePasses(data));
    checkNormalized(result.doc, file);
    return result;
  });
  timings.passes.push(...normalized.timings);
  const runtimeDir = join(options.root, "templates", "runtime");
  const renameReport: PassReport = { pass: "renames", fixes: [], warnings: [] };
  const waiterReport: PassReport = { pass: "waiters", fixes: [], warnings: [] };
  const { api, runtime } = timeStep(timings, "model", () => {
    const runtime = { exports: runtimeExportNames(runtimeDir), clientMembers: runtimeClientMembers(runtimeDir) };
    const api = buildModel(normalized.doc, runtime, {
      renames: { entries: data.renames, warn: (message) => renameReport.warnings.push({ message }) },
      waiters: data.waiters,
      // spec/waiters.json serves several spec versions: a waiter whose operation this one lacks is a note.
      onMissingWaiter: (message) => {
        waiterReport.notes ??= [];
        waiterReport.notes.push(message);
      },
      credentials: data.credentials,
    });
    return { api, runtime };
  });

  // The README needs only the model: the worker thread formats it while this
  // thread emits and formats the sources.
  const packageTexts = packageFiles(api, join(options.root, "templates"));
  const documents = formatDocuments(packageTexts, worker, timings.files);
  documents.catch(() => undefined); // awaited in the format step

  const { files, surface } = timeStep(timings, "emit", () => {
    const files = emitSources(api);
    for (const [path, source] of runtimeSources(options.root)) files.set(path, readFileSync(source, "utf8"));
    for (const [path, text] of packageTexts) files.set(path, text);
    files.set("openapi.json", JSON.stringify(normalized.doc, null, 2) + "\n");
    const surface = surfaceOutput(api, { runtimeExports: runtime.exports }, options.outDir);
    files.set(SURFACE_FILE, surface.text);
    return { files, surface };
  });
  const formatted = await timeStepAsync(timings, "format", async () => {
    const out = new Map(files);
    for (const [path, text] of await formatSources(files, timings.files)) out.set(path, text);
    for (const [path, text] of await documents) out.set(path, text);
    return out;
  });
  return {
    specFile: file,
    sha256,
    api,
    reports: [...normalized.reports, renameReport, waiterReport],
    files: formatted,
    surface: surface.surface,
    ...(surface.changes ? { apiChanges: surface.changes } : {}),
    timings,
  };
}

export async function generate(
  options: GenerateOptions,
  input?: { file: string; doc: OpenApiDocument; sha256: string },
): Promise<GenerateResult> {
  const timings = newTimings();
  // Declarations are written in a process of their own as well as here: the
  // runtime core's (which do not depend on the spec) while the rest runs.
  const declarer = options.build === false ? undefined : new DeclarationProcess();
  try {
    return await generateWith(options, input, timings, declarer);
  } finally {
    declarer?.close();
  }
}

async function generateWith(
  options: GenerateOptions,
  input: { file: string; doc: OpenApiDocument; sha256: string } | undefined,
  timings: RunTimings,
  declarer: DeclarationProcess | undefined,
): Promise<GenerateResult> {
  const core = declarer ? declareCore(options.root, declarer) : undefined;
  core?.catch(() => undefined); // awaited by the build
  const rendered = await renderPackage(options, input, { timings });
  const buildReport: PassReport = { pass: "build", fixes: [], warnings: [] };
  rendered.reports.push(buildReport);
  const writeStarted = performance.now();
  let buildMs = 0;
  await writeAtomically(options.outDir, rendered.files, async (staging) => {
    if (options.build === false) return;
    const buildStarted = performance.now();
    const coreDeclared = await core;
    const built = await buildPackage(staging, {
      typeCheck: options.typeCheck,
      fileTimes: timings.files,
      declarations: coreDeclared?.declarations,
      declareElsewhere: async (texts) =>
        (await declarer!.declare({ tsconfig: rendered.files.get("tsconfig.json")!, texts })).declarations,
    });
    buildMs = performance.now() - buildStarted;
    const byProgram = [...(coreDeclared?.declaredByProgram ?? []), ...built.declaredByProgram];
    // Only --verbose shows it: it is about how the build ran, and asks nothing of whoever generates.
    if (byProgram.length)
      buildReport.details = [
        `declarations of ${byProgram.join(", ")} needed the type checker: an export there does not state its type, or a class member has a computed name`,
      ];
  });
  timings.steps.write = performance.now() - writeStarted - buildMs;
  if (options.build !== false) timings.steps.build = buildMs;
  const { files, ...result } = rendered;
  return { ...result, files: files.size };
}
