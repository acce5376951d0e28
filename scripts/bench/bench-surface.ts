// Benchmark 7: what api.json costs a generate run. The surface is built from
// the IR of the pinned spec (the normalised generated/openapi.json), serialised,
// and diffed against itself, each timed as a median; its size is reported raw
// and gzipped.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { runtimeClientMembers, runtimeExportNames } from "../../generator/naming/runtime-names.ts";
import { readSpecData } from "../../generator/load/spec-data.ts";
import { buildModel } from "../../generator/model/build-model.ts";
import type { OpenApiDocument } from "../../generator/openapi.ts";
import { buildSurface } from "../../generator/surface/build-surface.ts";
import { diffSurfaces } from "../../generator/surface/diff.ts";
import { serializeSurface } from "../../generator/surface/surface-file.ts";
import type { Surface } from "../../generator/surface/types.ts";
import { generatedDir, root } from "./paths.ts";
import { bytes, type BenchResult, type Target } from "./report.ts";
import { median } from "./stats.ts";

const LIMIT_MS = 100;

function timed(runs: number, f: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    f();
    times.push(performance.now() - started);
  }
  return median(times);
}

export function benchSurface(runs: number): BenchResult {
  const spec = join(generatedDir, "openapi.json");
  if (!existsSync(spec))
    return {
      name: "api-surface",
      rows: [{ benchmark: "7 api.json", subject: "generated/", measured: "n/a (generated/openapi.json is missing)" }],
      targets: [
        { id: "surface-ms", text: `api.json costs under ${LIMIT_MS} ms`, verdict: "n/a", detail: "nothing generated" },
      ],
      notes: [],
      data: {},
    };
  const doc = JSON.parse(readFileSync(spec, "utf8")) as OpenApiDocument;
  const runtimeDir = join(root, "templates", "runtime");
  const runtime = { exports: runtimeExportNames(runtimeDir), clientMembers: runtimeClientMembers(runtimeDir) };
  const api = buildModel(doc, runtime, { waiters: readSpecData(root).waiters, onMissingWaiter: () => {} });
  let text = "";
  const buildMs = timed(runs, () => {
    text = serializeSurface(buildSurface(api, { runtimeExports: runtime.exports }));
  });
  const surface = JSON.parse(text) as Surface;
  const diffMs = timed(runs, () => diffSurfaces(surface, surface));
  const size = Buffer.byteLength(text);
  const gzipped = gzipSync(text).length;
  const target: Target = {
    id: "surface-ms",
    text: `Building and serialising api.json costs a generate run under ${LIMIT_MS} ms`,
    value: buildMs,
    verdict: buildMs < LIMIT_MS ? "PASS" : "MISS",
    detail: `${buildMs.toFixed(1)} ms (target < ${LIMIT_MS} ms)`,
  };
  return {
    name: "api-surface",
    rows: [
      {
        benchmark: "7 api.json",
        subject: "build + serialise the surface of the pinned spec",
        measured: `${buildMs.toFixed(1)} ms`,
        target: `${target.verdict}: ${target.detail}`,
      },
      {
        benchmark: "7 api.json",
        subject: "api-diff of the pinned surface with itself",
        measured: `${diffMs.toFixed(1)} ms`,
      },
      {
        benchmark: "7 api.json",
        subject: "size of generated/api.json",
        measured: `${bytes(size)}, ${bytes(gzipped)} gzipped`,
      },
    ],
    targets: [target],
    notes: [],
    data: { runs, buildMs, diffMs, size, gzipped },
  };
}
