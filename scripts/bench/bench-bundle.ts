// Benchmark 3: the browser bundle of each 3-call consumer (esbuild --bundle
// --minify --platform=browser, ESM out), raw and gzip bytes. Sizes are
// deterministic, so each is built once; the metafile says what fills ours.
import { build, type Metafile } from "esbuild";
import { existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { consumerDir, secondConsumerDir } from "./consumer-projects.ts";
import { installedVersion, work } from "./paths.ts";
import { bytes, type BenchResult, type Row, type Target } from "./report.ts";

const LIMIT = 4096; // "4 KB" read as 4 KiB; the exact byte count is reported too.

interface Built {
  bytes: number;
  gzip: number;
  /** Bytes each input file contributes to the minified output, largest first. */
  inputs: { file: string; bytes: number }[];
}

async function bundle(name: string): Promise<Built> {
  const dir = name === "ours-second" ? secondConsumerDir("ours") : consumerDir(name);
  const result = await build({
    entryPoints: [`${dir}/index.ts`],
    bundle: true,
    minify: true,
    platform: "browser",
    format: "esm",
    write: false,
    metafile: true,
    logLevel: "silent",
    absWorkingDir: work,
  });
  const code = result.outputFiles[0]!.contents;
  const output = Object.values((result.metafile as Metafile).outputs)[0]!;
  const inputs = Object.entries(output.inputs)
    .map(([file, v]) => ({ file: file.replace(/^.*node_modules\//, ""), bytes: v.bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes);
  return { bytes: code.length, gzip: gzipSync(code).length, inputs };
}

const subjects = [
  ["ours", "digitalocean-sdk: Client + 3 standalone functions (the target's subject)"],
  ["ours-plus-one", "digitalocean-sdk: the same + 1 more operation (sshKeysCreate)"],
  ["ours-second", "digitalocean-sdk from BENCH_SPEC: Client + the same 3 standalone functions"],
  ["ours-digitalocean", "digitalocean-sdk: DigitalOcean class (every resource group, by design)"],
  ["openapi-fetch", `openapi-fetch ${installedVersion("openapi-fetch") ?? "(not installed)"}`],
  ["dots", `@digitalocean/dots ${installedVersion("@digitalocean/dots") ?? "(not installed)"}`],
] as const;

export async function benchBundle(): Promise<BenchResult> {
  const built: Record<string, Built | { error: string }> = {};
  for (const [name] of subjects) {
    if (name === "ours-second" && !existsSync(secondConsumerDir("ours"))) {
      built[name] = { error: "no BENCH_SPEC given, or its generation failed" };
      continue;
    }
    try {
      built[name] = await bundle(name);
    } catch (e) {
      built[name] = { error: `esbuild failed: ${(e instanceof Error ? e.message : String(e)).split("\n")[0]!}` };
    }
  }
  const get = (name: string) => {
    const b = built[name];
    return b && "gzip" in b ? b : undefined;
  };
  const ours = get("ours");
  const second = get("ours-second");
  const plus = get("ours-plus-one");
  const check = (id: string, what: string, built: Built | undefined, why: string): Target => {
    const has = (part: string) => !!built?.inputs.some((i) => i.file.endsWith(part) && i.bytes > 0);
    const included = ["retry.js", "errors.js", "api-promise.js"].filter(has);
    return {
      id,
      text: `The 3-call browser bundle${what} is at most 4 KB gzip, with retries, errors and pagination included`,
      value: built?.gzip,
      verdict: !built ? "n/a" : built.gzip <= LIMIT && included.length === 3 ? "PASS" : "MISS",
      detail: !built
        ? why
        : `${built.gzip} B gzip (target <= ${LIMIT} B); includes ${included.join(", ") || "none of retry.js, errors.js, api-promise.js"}`,
    };
  };
  const target = check("bundle-size", "", ours, "our consumer did not bundle");
  const secondTarget = check(
    "bundle-size-second-spec",
    " on BENCH_SPEC's SDK",
    second,
    "no BENCH_SPEC given, or its SDK did not bundle",
  );
  const rows: Row[] = subjects.map(([name, label]) => {
    const b = built[name]!;
    const measured =
      "error" in b
        ? `n/a (${b.error})`
        : `${bytes(b.bytes)} min, ${bytes(b.gzip)} gzip` +
          (name === "ours-plus-one" && ours && plus
            ? ` (+${plus.bytes - ours.bytes} B min, +${plus.gzip - ours.gzip} B gzip for the extra operation)`
            : "");
    return {
      benchmark: "3 bundle",
      subject: label,
      measured,
      target:
        name === "ours"
          ? `${target.verdict}: ${target.detail}`
          : name === "ours-second"
            ? `${secondTarget.verdict}: ${secondTarget.detail}`
            : undefined,
    };
  });
  return {
    name: "bundle",
    rows,
    targets: [target, secondTarget],
    notes: [
      "Bundles: esbuild --bundle --minify --platform=browser --format=esm; gzip at zlib's default level. Sizes do not vary between runs, so each is built once.",
    ],
    data: {
      built: Object.fromEntries(
        Object.entries(built).map(([k, v]) => [k, "inputs" in v ? { ...v, inputs: v.inputs.slice(0, 12) } : v]),
      ),
      extraOperation: ours && plus ? { bytes: plus.bytes - ours.bytes, gzip: plus.gzip - ours.gzip } : undefined,
    },
  };
}
