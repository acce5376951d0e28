// The TypeScript examples of the docs (README.md, the runtime README and
// WAITERS.md, which also go into the package README), type-checked against a
// built package. Each example becomes the body of an async function in a
// module of its own: its imports stay on top, the names it imports from
// nowhere are imported from the package when it exports them, and the
// placeholders the docs use (`client`, `token`, `model`, ...) are declared
// once, with the types a reader would have. A line the docs mark
// `// @ts-expect-error` must fail to compile, which keeps such an example honest too.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { typeCheckConsumer } from "./type-check-consumer.ts";

const root = new URL("../../../", import.meta.url).pathname;

export const DOC_FILES = ["README.md", "templates/runtime/README.md", "templates/runtime/WAITERS.md"];

export interface DocExample {
  /** `README.md#3`: the file and the example's place among its TypeScript blocks. */
  name: string;
  code: string;
}

export function docExamples(): DocExample[] {
  return DOC_FILES.flatMap((file) => {
    const blocks = [...readFileSync(join(root, file), "utf8").matchAll(/^```ts\n([\s\S]*?)^```$/gm)];
    return blocks.map((match, index) => ({ name: `${file}#${index + 1}`, code: match[1]! }));
  });
}

/** Does the example call an inference operation (which only specs since 2025 have)? */
export const callsInference = (example: DocExample): boolean =>
  /\b(?:inference|agentInference)[A-Z]\w*\(|\.(?:inference|agentInference)\./.test(example.code);

/** What the docs' examples take as given, as a reader would have it. */
const PLACEHOLDERS = `
import type { DigitalOcean as ExampleClient } from "digitalocean-sdk";
import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { Readable } from "node:stream";
declare const client: ExampleClient;
declare const token: string;
declare const baseUrl: string;
declare const traceId: string;
declare const secrets: { get(name: string): Promise<string> };
declare const otherTeamToken: string;
declare const clusterId: string;
declare const id: number;
declare const ids: number[];
declare const dropletId: number;
declare const log: Console;
declare const key: string;
declare const model: string;
declare const messages: { role: "user"; content: string }[];
declare const agentKey: string;
declare const jsonl: string;
declare const bytes: Uint8Array;
declare const upload_url: string;
void [createReadStream, readFile, Readable];
`;

const IMPORT = /^import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+"[^"]+";\s*$/;

/** The module an example becomes; `exported` are the package's export names. */
export function exampleModule(example: DocExample, exported: ReadonlySet<string>, index: number): string {
  const lines = example.code.split("\n");
  const imports = lines.filter((line) => IMPORT.test(line));
  const body = lines.filter((line) => !IMPORT.test(line));
  const imported = new Set(
    imports.flatMap((line) =>
      line
        .match(IMPORT)![1]!
        .split(",")
        .map(
          (name) =>
            name
              .trim()
              .split(/\s+as\s+/)
              .pop()!,
        ),
    ),
  );
  const used = new Set(body.join("\n").match(/\b[A-Za-z_$][\w$]*\b/g) ?? []);
  const missing = [...used].filter((name) => exported.has(name) && !imported.has(name)).sort();
  return [
    `// ${example.name}`,
    ...imports,
    ...(missing.length ? [`import { ${missing.join(", ")} } from "digitalocean-sdk";`] : []),
    PLACEHOLDERS,
    `export async function example${index}(): Promise<unknown> {`,
    ...body.map((line) => `  ${line}`),
    "  return;",
    "}",
  ].join("\n");
}

/**
 * Type-checks `examples` against the package built in `packageDir` (strict,
 * Node types for the examples that read files); returns tsc's report, empty
 * when every example compiles.
 */
export function typeCheckExamples(packageDir: string, examples: DocExample[], work: string): string {
  const exported = new Set(
    (JSON.parse(readFileSync(join(packageDir, "api.json"), "utf8")) as { exports: string[] }).exports,
  );
  const files = Object.fromEntries([
    ["package.json", JSON.stringify({ type: "module" })],
    ...examples.map((example, index) => [`example-${index}.ts`, exampleModule(example, exported, index)]),
  ]);
  const report = typeCheckConsumer(packageDir, join(work, "doc-examples"), files, {
    lib: ["ES2022"],
    types: ["node"],
    typeRoots: [join(root, "node_modules/@types")],
  });
  // Name each example by its doc, not by the file it was written to.
  return report.replace(/example-(\d+)\.ts/g, (_, i: string) => examples[Number(i)]!.name);
}
