// Inputs that are valid but awkward must generate, build and type-check strictly, not crash:
// schemas that refer to themselves (directly and through oneOf/allOf), and
// operationIds, parameter names, descriptions and enum values that are not
// safe as identifiers or inside comments.
import { readdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RESERVED_GLOBALS, RESERVED_WORDS } from "../../generator/naming/reserved.ts";
import { badSpecs, removeTempDirs, runGenerator, tempDir } from "./support/generator-cli.ts";

afterAll(removeTempDirs);

type Module = Record<string, unknown>;
const load = (file: string): Promise<Module> => import(pathToFileURL(file).href);
const isClass = (v: unknown) => typeof v === "function" && /^class\b/.test(Function.prototype.toString.call(v));

async function generateAndBuild(fixture: string): Promise<string> {
  const out = join(tempDir("odd"), "sdk");
  const result = await runGenerator(["--spec", join(badSpecs, fixture), "--out", out, "--type-check"]);
  expect(result.stderr).not.toContain("generate failed");
  expect(result.code).toBe(0);
  return out;
}

describe("circular schemas", () => {
  let out: string;
  beforeAll(async () => {
    out = await generateAndBuild("circular-schemas.json");
  });

  it("generate and build, keeping the recursion as named references", () => {
    const models = readdirSync(join(out, "src/models"))
      .map((f) => readFileSync(join(out, "src/models", f), "utf8"))
      .join("\n");
    expect(models).toMatch(/export interface TreeNode \{[\s\S]*parent\?: TreeNode;[\s\S]*children\?: TreeNode\[\];/);
    expect(models).toMatch(/export type Expression = Literal \| Sum;/);
    expect(models).toMatch(/terms\?: Expression\[\]/);
    expect(models).toMatch(/next\?: Sum;/);
    const declarations = readdirSync(join(out, "dist/esm/models")).filter((f) => f.endsWith(".d.ts"));
    expect(declarations.map((f) => readFileSync(join(out, "dist/esm/models", f), "utf8")).join("\n")).toMatch(
      /parent\?: TreeNode;/,
    );
  });
});

describe("operationIds and names that are not identifiers", () => {
  let out: string;
  let sdk: Module;
  let server: Server;
  let baseUrl: string;
  const seen: string[] = [];
  const operations = Object.entries(
    JSON.parse(readFileSync(join(badSpecs, "hostile-names.json"), "utf8")).paths as Record<string, object>,
  ).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`));

  /** The generated operation functions (the resource modules' function exports), by name. */
  const functions: Record<string, unknown> = {};
  const names: string[] = [];

  beforeAll(async () => {
    out = await generateAndBuild("hostile-names.json");
    sdk = await load(join(out, "dist/esm/index.js"));
    for (const file of readdirSync(join(out, "dist/esm/resources")).filter((f) => f.endsWith(".js"))) {
      const mod = await load(join(out, "dist/esm/resources", file));
      for (const [name, value] of Object.entries(mod))
        if (typeof value === "function" && !isClass(value)) {
          names.push(name);
          functions[name] = value;
        }
    }
    server = createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

  it("gives every operation its own valid, unreserved function name", () => {
    expect(names).toHaveLength(operations.length);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) {
      expect(name).toMatch(/^[A-Za-z_$][A-Za-z0-9_$]*$/);
      expect(RESERVED_WORDS.has(name) || RESERVED_GLOBALS.has(name)).toBe(false);
      expect(sdk[name]).toBeTypeOf("function");
    }
  });

  it("maps each function to a different operation", async () => {
    const client = new (sdk.Client as new (o: object) => object)({ token: "t", baseUrl, maxRetries: 0 });
    for (const [name, fn] of Object.entries(functions))
      if (name !== "eGet") await (fn as (c: object) => Promise<unknown>)(client);
    await (functions.eGet as (c: object, a: string, b: string, p: object) => Promise<unknown>)(client, "a b", "c/d", {
      "per page": 2,
      "X-Odd.Header": "v",
    });
    expect(seen.map((s) => s.replace(/\/a%20b\/c%2Fd\?per\+page=2$/, "/{odd-name}/{class}")).sort()).toEqual(
      [...operations].sort(),
    );
  });

  it("keeps descriptions inside their comments (nothing in them runs or is exported)", () => {
    expect(Object.keys(sdk).filter((k) => /pwned/i.test(k))).toEqual([]);
    // The text is still there, but only inside comments, whose closing `*/` it cannot contain.
    const emitted = readdirSync(out, { recursive: true, encoding: "utf8" }).filter((f) =>
      /^(src|dist)\/.*\.(ts|js)$/.test(f),
    );
    expect(emitted.length).toBeGreaterThan(10);
    for (const file of emitted) {
      const source = readFileSync(join(out, file), "utf8");
      expect(source).not.toMatch(/\*\/ *(throw new Error\('injected|export const pwned)/);
    }
    expect(readFileSync(join(out, "src/resources/default.ts"), "utf8")).toContain(
      "*\\/ throw new Error('injected in summary')",
    );
  });
});

describe("an operationId that is `then`", () => {
  it("does not make the package's module namespace a thenable, so `await import()` still works", async () => {
    const out = await generateAndBuild("then-operation-id.json");
    const imported = await import(pathToFileURL(join(out, "dist/esm/index.js")).href).then(
      (mod: Module) => mod,
      (error: unknown) => error,
    );
    expect(imported).not.toBeInstanceOf(Error);
    expect((imported as Module).Client).toBeTypeOf("function");
  });
});
