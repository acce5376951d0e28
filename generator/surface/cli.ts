// The api-diff command (entry point: generator/api-diff.ts):
// `npm run api-diff -- <old> <new> [--json | --markdown] [--fail-on-breaking]`
// Each side is a generated directory or an api.json. Prints the changes an app
// meets when it upgrades from <old> to <new>, grouped by resource, and the
// semver verdict on the last line. Exit code: 0 when the report was printed,
// 1 when an argument or a side cannot be read, 2 with --fail-on-breaking when
// a change is breaking (for CI).
import { parseArgs } from "node:util";
import { diffSurfaces } from "./diff.ts";
import { jsonReport, markdownReport, textReport } from "./report.ts";
import { readSurface } from "./surface-file.ts";

const USAGE = "usage: npm run api-diff -- <old> <new> [--json | --markdown] [--fail-on-breaking]";

function parseOptions(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      json: { type: "boolean", default: false },
      markdown: { type: "boolean", default: false },
      "fail-on-breaking": { type: "boolean", default: false },
    },
  });
}

export function apiDiff(argv: string[]): { code: number; out: string; err: string } {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(argv);
  } catch (error) {
    return { code: 1, out: "", err: `api-diff: ${(error as Error).message}\n${USAGE}\n` };
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 2) return { code: 1, out: "", err: `api-diff: expected two sides\n${USAGE}\n` };
  if (values.json && values.markdown) return { code: 1, out: "", err: `api-diff: --json or --markdown, not both\n` };
  try {
    const diff = diffSurfaces(readSurface(positionals[0]!), readSurface(positionals[1]!));
    const out = values.json ? jsonReport(diff) : values.markdown ? markdownReport(diff) : textReport(diff);
    return { code: values["fail-on-breaking"] && diff.semver === "major" ? 2 : 0, out, err: "" };
  } catch (error) {
    return { code: 1, out: "", err: `api-diff: ${(error as Error).message}\n` };
  }
}
