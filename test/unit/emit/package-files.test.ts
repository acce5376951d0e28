// The package's import paths: the root, /core and one per resource
// group, each in the exports map for both formats and in typesVersions for
// node10 resolution; two modules may never share a path.
import { describe, expect, it } from "vitest";
import { packageFiles, subpaths } from "../../../generator/emit/package-files.ts";
import type { ApiModel } from "../../../generator/model/types.ts";

const templates = new URL("../../../templates", import.meta.url).pathname;
const api = (files: string[]) =>
  ({
    title: "T",
    version: "1",
    operations: [],
    resources: files.map((file) => ({ file, property: file, operations: [] })),
  }) as unknown as ApiModel;

describe("import paths", () => {
  it("lists the core, the waiters and each resource group's module", () => {
    expect(subpaths(api(["droplets", "ssh-keys"]))).toEqual([
      { name: "core", module: "core/index" },
      { name: "droplets", module: "resources/droplets" },
      { name: "ssh-keys", module: "resources/ssh-keys" },
    ]);
  });

  it("maps each in the exports, for import and require, and in typesVersions", () => {
    const pkg = JSON.parse(packageFiles(api(["droplets"]), templates).get("package.json")!);
    expect(pkg.exports["./droplets"]).toEqual({
      import: { types: "./dist/esm/resources/droplets.d.ts", default: "./dist/esm/resources/droplets.js" },
      require: { types: "./dist/cjs/resources/droplets.d.ts", default: "./dist/cjs/resources/droplets.js" },
    });
    expect(pkg.typesVersions).toEqual({
      "*": {
        core: ["./dist/cjs/core/index.d.ts"],
        droplets: ["./dist/cjs/resources/droplets.d.ts"],
      },
    });
  });

  it("refuses two modules on one path", () => {
    expect(() => subpaths(api(["core"]))).toThrow(
      "two modules would share the import path digitalocean-sdk/core: core/index, resources/core",
    );
  });
});
