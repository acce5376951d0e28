// Package linters on the generated package: publint (package.json fields,
// exports, files) and Are The Types Wrong (types resolve, and to the right
// format, under node10, node16 from CJS and from ESM, and bundler resolution).
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { root } from "./support/consumers.ts";

const run = promisify(execFile);
const bin = (name: string) => join(root, "node_modules/.bin", name);
const generated = join(root, "generated");

describe("package linters", () => {
  it("publint finds nothing, not even a suggestion", async () => {
    const { stdout } = await run(bin("publint"), ["--strict", "--level", "suggestion", generated], { cwd: root });
    expect(stdout).toContain("All good!");
  });

  it("attw finds no problem for any resolution mode", async () => {
    const result = await run(bin("attw"), ["--pack", generated, "--format", "json"], {
      cwd: root,
      maxBuffer: 64 << 20,
    }).catch((e: { stdout: string }) => e);
    const report = JSON.parse(result.stdout) as {
      analysis: { entrypoints: Record<string, { resolutions: Record<string, unknown> }> };
      problems: Record<string, unknown> | unknown[];
    };
    expect(report.problems).toEqual({});
    // The root and every import path (/core, one per resource group), under every resolution.
    const entrypoints = Object.keys(report.analysis.entrypoints);
    expect(entrypoints).toEqual(expect.arrayContaining([".", "./core", "./droplets", "./ssh-keys"]));
    for (const entrypoint of entrypoints.filter((e) => e !== "./package.json"))
      expect(Object.keys(report.analysis.entrypoints[entrypoint]!.resolutions).sort()).toEqual([
        "bundler",
        "node10",
        "node16-cjs",
        "node16-esm",
      ]);
  });
});
