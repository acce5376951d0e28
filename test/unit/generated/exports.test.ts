// Checks of the generated package built from the real, pinned spec (npm test
// regenerates it first): every operation is there under its exact name, with
// the path the API expects, grouped on the client, typed without `any`.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as sdk from "../../../generated/dist/esm/index.js";
import { sharedOperations } from "../shared-operations.ts";

const root = new URL("../../../", import.meta.url).pathname;
const rows = sharedOperations();

function dtsFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".d.ts"))
    .map((e) => join(e.parentPath, e.name));
}

describe("generated package", () => {
  it("exports all 290 operations of test/fixtures/operations.tsv as functions, plus the DigitalOcean class", () => {
    expect(rows).toHaveLength(290);
    const missing = rows.filter((r) => typeof (sdk as Record<string, unknown>)[r.fn] !== "function").map((r) => r.fn);
    expect(missing).toEqual([]);
    expect(typeof sdk.DigitalOcean).toBe("function");
  });

  it("sends each operation to the method and path the API uses", () => {
    const source = readdirSync(join(root, "generated/src/resources"))
      .map((f) => readFileSync(join(root, "generated/src/resources", f), "utf8"))
      .join("\n");
    const wrong = rows.filter((r) => {
      const fn = source.indexOf(`export function ${r.fn}(`);
      const call = source.slice(fn, source.indexOf("\n}", fn));
      return !call.includes(`method: "${r.method}"`) || !call.includes(`path: "${r.path}"`);
    });
    expect(wrong.map((r) => `${r.fn} ${r.method} ${r.path}`)).toEqual([]);
  });

  it("groups every operation on the client under a readable, unique name", () => {
    const client = new sdk.DigitalOcean({ token: "t" }) as unknown as Record<string, Record<string, unknown>>;
    for (const [group, method] of [
      ["droplets", "list"],
      ["images", "get"],
      ["kubernetes", "getKubeconfig"],
      ["tags", "delete"],
    ] as const) {
      expect(typeof client[group]![method]).toBe("function");
    }
    const groups = Object.keys(client).filter((k) => client[k] && typeof client[k] === "object" && k !== "options");
    const methods = groups.flatMap((g) =>
      Object.getOwnPropertyNames(Object.getPrototypeOf(client[g])).filter((m) => m !== "constructor"),
    );
    // Every operation, and the 13 waiters of spec/waiters.json beside them (client.droplets.waitUntilActive).
    expect(methods.filter((m) => !m.startsWith("waitUntil"))).toHaveLength(290);
    expect(methods.filter((m) => m.startsWith("waitUntil"))).toHaveLength(13);
    expect(typeof client.droplets!.waitUntilActive).toBe("function");
    expect(typeof client.kubernetes!.waitUntilClusterRunning).toBe("function");
  });

  it("declares the shared models once, under meaningful names", () => {
    const dts = dtsFiles(join(root, "generated/dist/esm/models"))
      .map((f) => readFileSync(f, "utf8"))
      .join("\n");
    for (const name of ["Droplet", "Image", "KubernetesCluster", "Pagination", "Error", "SshKey", "Action"]) {
      expect(dts.match(new RegExp(`export (interface|type) ${name}\\b`, "g")), name).toHaveLength(1);
    }
    expect(dts).not.toMatch(/export (interface|type) (Schema\d|Response\d|Paths[A-Z])/);
  });

  it("documents every model and every operation function with JSDoc", () => {
    const undocumented: string[] = [];
    for (const dir of ["models", "resources"]) {
      for (const file of dtsFiles(join(root, "generated/dist/esm", dir))) {
        const text = readFileSync(file, "utf8");
        for (const match of text.matchAll(/(^|\n)(.*)\n(export (?:interface|type|declare function) (\w+))/g)) {
          if (!match[2]!.trim().endsWith("*/")) undocumented.push(match[4]!);
        }
      }
    }
    expect(undocumented).toEqual([]);
  });

  it("has no `any` in its declarations and stays under 1 MB of .d.ts", () => {
    const files = dtsFiles(join(root, "generated/dist/esm"));
    const text = files.map((f) => readFileSync(f, "utf8")).join("\n");
    const code = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/"[^"\n]*"/g, '""');
    expect(code).not.toMatch(/\bany\b/);
    expect(Buffer.byteLength(text)).toBeLessThan(1024 * 1024);
  });
});
