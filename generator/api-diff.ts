// `npm run api-diff -- <old> <new> [--json | --markdown] [--fail-on-breaking]`; see surface/cli.ts.
import { apiDiff } from "./surface/cli.ts";

const result = apiDiff(process.argv.slice(2));
process.stdout.write(result.out);
process.stderr.write(result.err);
process.exitCode = result.code;
