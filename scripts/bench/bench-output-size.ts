// Benchmark 6: the size of what the generator ships: the .d.ts files of one
// module format (ESM; the CJS copy is the same again) and the npm package.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { generatedDir } from "./paths.ts";
import { bytes, type BenchResult, type Target } from "./report.ts";

const LIMIT = 1024 * 1024; // "1 MB" read as 1 MiB; the exact byte count is reported too.

function dtsBytes(dir: string): { bytes: number; files: number } {
  let total = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (entry.isFile() && entry.name.endsWith(".d.ts")) {
      total += statSync(join(entry.parentPath, entry.name)).size;
      files++;
    }
  return { bytes: total, files };
}

export function benchOutputSize(): BenchResult {
  const esm = join(generatedDir, "dist/esm");
  if (!existsSync(esm))
    return {
      name: "output-size",
      rows: [{ benchmark: "6 output size", subject: "generated/", measured: "n/a (generated/dist is missing)" }],
      targets: [
        { id: "dts-size", text: "The generated .d.ts totals under 1 MB", verdict: "n/a", detail: "nothing generated" },
      ],
      notes: [],
      data: {},
    };
  const dts = dtsBytes(esm);
  const pack = spawnSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
    cwd: generatedDir,
    encoding: "utf8",
  });
  let tarball: { size: number; unpackedSize: number; entryCount: number } | undefined;
  try {
    tarball = (JSON.parse(pack.stdout) as { size: number; unpackedSize: number; entryCount: number }[])[0];
  } catch {
    tarball = undefined;
  }
  const target: Target = {
    id: "dts-size",
    text: "The generated .d.ts totals under 1 MB",
    value: dts.bytes,
    verdict: dts.bytes < LIMIT ? "PASS" : "MISS",
    detail: `${dts.bytes} B (target < ${LIMIT} B)`,
  };
  return {
    name: "output-size",
    rows: [
      {
        benchmark: "6 output size",
        subject: "generated .d.ts, ESM copy only (dist/cjs holds the same again)",
        measured: `${bytes(dts.bytes)} in ${dts.files} files`,
        target: `${target.verdict}: ${target.detail}`,
      },
      {
        benchmark: "6 output size",
        subject: "npm pack of generated/",
        measured: tarball
          ? `tarball ${bytes(tarball.size)}, unpacked ${bytes(tarball.unpackedSize)}, ${tarball.entryCount} files`
          : `n/a (npm pack failed: ${pack.stderr.trim().split("\n").pop()})`,
      },
    ],
    targets: [target],
    notes: [],
    data: { dts, tarball },
  };
}
