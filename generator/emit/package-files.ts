// Static package files (package.json, README, build tsconfig) from the
// handlebars templates in templates/package. Only boilerplate lives there.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Handlebars from "handlebars";
import type { ApiModel } from "../model/types.ts";
import { CORE_MODULE, resourceFile } from "./operations.ts";

export const PACKAGE_VERSION = "0.1.0";

function render(templatesDir: string, name: string, data: object): string {
  const source = readFileSync(join(templatesDir, "package", name), "utf8");
  return Handlebars.compile(source, { strict: true, noEscape: false })(data);
}

/** A rendered JSON template, checked and laid out the way every generated JSON file is. */
function asJson(text: string): string {
  return JSON.stringify(JSON.parse(text), null, 2) + "\n";
}

/** A module under its own import path: `digitalocean-sdk/<name>` -> dist/<format>/<module>.js. */
export interface Subpath {
  name: string;
  module: string;
}

const moduleOf = (file: string) => file.replace(/^src\//, "").replace(/\.ts$/, "");

/**
 * The package's import paths besides its root: the runtime core (`/core`: the
 * Client, errors, options) and each resource group's module with its
 * operations and waiters (`/droplets`). A consumer that imports from them loads the declarations of
 * what it uses, not every operation's.
 */
export function subpaths(api: ApiModel): Subpath[] {
  const all = [
    { name: "core", module: moduleOf(CORE_MODULE) },
    ...api.resources.map((resource) => ({ name: resource.file, module: moduleOf(resourceFile(resource)) })),
  ];
  const seen = new Map<string, string>();
  for (const { name, module } of all) {
    const other = seen.get(name);
    if (other) throw new Error(`two modules would share the import path digitalocean-sdk/${name}: ${other}, ${module}`);
    seen.set(name, module);
  }
  return all;
}

/** The package's tsconfig.json: the same for every spec, so it is known before the spec is read. */
export function packageTsconfig(templatesDir: string): string {
  return asJson(render(templatesDir, "tsconfig.json.hbs", {}));
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
    resources: api.resources.map((r) => ({ property: r.property, count: r.operations.length, subpath: r.file })),
    subpaths: subpaths(api),
    runtimeDocs,
  };
  return new Map([
    ["package.json", asJson(render(templatesDir, "package.json.hbs", data))],
    ["tsconfig.json", packageTsconfig(templatesDir)],
    ["README.md", render(templatesDir, "README.md.hbs", data)],
  ]);
}
