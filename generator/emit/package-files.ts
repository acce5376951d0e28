// Static package files (package.json, README, build tsconfig) from the
// handlebars templates in templates/package. Only boilerplate lives there.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Handlebars from "handlebars";
import type { ApiModel } from "../model/types.ts";

export const PACKAGE_VERSION = "0.1.0";

function render(templatesDir: string, name: string, data: object): string {
  const source = readFileSync(join(templatesDir, "package", name), "utf8");
  return Handlebars.compile(source, { strict: true, noEscape: false })(data);
}

/** A rendered JSON template, checked and laid out the way every generated JSON file is. */
function asJson(text: string): string {
  return JSON.stringify(JSON.parse(text), null, 2) + "\n";
}

export function packageFiles(api: ApiModel, templatesDir: string): Map<string, string> {
  // The runtime's own docs (options, retries, errors, pagination, waiters) close the package README.
  const runtimeDocs = ["README.md", "WAITERS.md"]
    .map((name) => readFileSync(join(templatesDir, "runtime", name), "utf8").trim())
    .join("\n\n");
  const data = {
    title: api.title,
    apiVersion: api.version,
    packageVersion: PACKAGE_VERSION,
    operationCount: api.operations.length,
    resources: api.resources.map((r) => ({ property: r.property, count: r.operations.length })),
    runtimeDocs,
  };
  return new Map([
    ["package.json", asJson(render(templatesDir, "package.json.hbs", data))],
    ["tsconfig.json", asJson(render(templatesDir, "tsconfig.json.hbs", data))],
    ["README.md", render(templatesDir, "README.md.hbs", data)],
  ]);
}
