// The one-screen run summary: what came in, what went out, what was fixed.
import type { GenerateResult } from "./pipeline.ts";

export function summary(result: GenerateResult, outDir: string, ms: number): string {
  const warnings = result.reports.flatMap((r) => r.warnings.map((w) => `${r.pass}: ${w.message}`));
  const lines = [
    `digitalocean-sdk generated in ${(ms / 1000).toFixed(1)} s -> ${outDir}`,
    `  spec        ${result.specFile}`,
    `  sha256      ${result.sha256}`,
    `  operations  ${result.api.operations.length} in ${result.api.resources.length} resource groups (${result.api.operations.filter((o) => o.pagination).length} paginated)`,
    `  models      ${result.api.models.length}`,
    `  files       ${result.files}`,
    `  fixes applied:`,
    ...result.reports.map((r) => `    ${r.pass.padEnd(40)} ${String(r.fixes.length).padStart(5)} fixes${r.warnings.length ? `, ${r.warnings.length} warnings` : ""}`),
    `  warnings    ${warnings.length}`,
    ...warnings.slice(0, 8).map((w) => `    ${w}`),
    ...(warnings.length > 8 ? [`    … and ${warnings.length - 8} more`] : []),
  ];
  return lines.join("\n");
}
