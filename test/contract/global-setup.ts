// Vitest global setup of the contract project: one Prism mock of the
// normalised spec for all contract test files, or none when CONTRACT_BASE_URL
// points at a mock that is already running. Tests read the URL and the spec
// they must build their table from with inject().
import { copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startPrism } from "../../scripts/prism/prism-server.ts";
import { SPEC_PATH } from "./support/contract-spec.ts";

declare module "vitest" {
  export interface ProvidedContext {
    contractBaseUrl: string;
    /** The document the mock serves; tests build their operation table from it. */
    contractSpecPath: string;
  }
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
  copyFileSync(SPEC_PATH, spec);
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
    if (died) throw new Error(`Prism ${died} during the contract run, so later calls could not connect\n${prism.output()}`);
  };
}
