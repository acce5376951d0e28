// Vitest global setup of the contract project: one Prism mock of the
// normalised spec for all contract test files, or none when CONTRACT_BASE_URL
// points at a mock that is already running. Tests read the URL and the spec
// they must build their table from with inject().
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startPrism } from "../../scripts/prism/prism-server.ts";
import { SPEC_PATH } from "./support/contract-spec.ts";
import { withExamplesForRecursiveResponses } from "./support/recursive-examples.ts";

declare module "vitest" {
  export interface ProvidedContext {
    contractBaseUrl: string;
    /** The document the mock serves; tests build their operation table from it. */
    contractSpecPath: string;
  }
}

/**
 * Options for Prism's response generator (json-schema-faker), read from the
 * document's root. Strings built from a pattern repeat each `+`/`*` up to
 * `defaultRandExpMax` times (default 10) and are then cut to `maxLength`,
 * which can break the pattern: an App domain (`((xn--)?label(-label)*\.)+tld`,
 * maxLength 253) came out 1,000 characters long, was cut mid-label, and Prism
 * rejected its own response. Three repetitions keep such strings short enough
 * that `maxLength` never cuts them. This configures the mock only; the spec
 * the SDK was generated from is unchanged.
 */
export function withMockGeneratorOptions(doc: Record<string, unknown>): Record<string, unknown> {
  return { ...doc, "x-json-schema-faker": { defaultRandExpMax: 3 } };
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const external = process.env.CONTRACT_BASE_URL;
  if (external) {
    project.provide("contractBaseUrl", external.replace(/\/+$/, ""));
    project.provide("contractSpecPath", SPEC_PATH);
    return undefined;
  }
  if (!existsSync(SPEC_PATH)) throw new Error(`${SPEC_PATH} is missing: run \`npm run generate\` first`);
  // Prism restarts whenever its document changes on disk; a private copy keeps a
  // regeneration during the run (generated/ is swapped atomically) from taking it down.
  const dir = mkdtempSync(join(tmpdir(), "contract-spec-"));
  const spec = join(dir, "openapi.json");
  const doc = withExamplesForRecursiveResponses(JSON.parse(readFileSync(SPEC_PATH, "utf8")));
  writeFileSync(spec, JSON.stringify(withMockGeneratorOptions(doc as unknown as Record<string, unknown>)));
  // --seed: Prism reseeds its faker for every dynamic response, so each operation's generated
  // body is the same on every run and a failure reproduces instead of flickering.
  const args = ["--errors", "--seed", "digitalocean-sdk", "--verboseLevel", "warn"];
  const prism = await startPrism({ spec, args }).catch((e: unknown) => {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  });
  project.provide("contractBaseUrl", prism.baseUrl);
  project.provide("contractSpecPath", spec);
  return async () => {
    const died = prism.exitReason();
    await prism.stop();
    rmSync(dir, { recursive: true, force: true });
    if (died)
      throw new Error(`Prism ${died} during the contract run, so later calls could not connect\n${prism.output()}`);
  };
}
