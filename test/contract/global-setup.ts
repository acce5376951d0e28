// Vitest global setup of the contract project: one Prism mock of the
// normalised spec for all contract test files, or none when CONTRACT_BASE_URL
// points at a mock that is already running. Tests read the URL with
// inject("contractBaseUrl").
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { startPrism } from "../../scripts/prism/prism-server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    contractBaseUrl: string;
  }
}

const SPEC = fileURLToPath(new URL("../../generated/openapi.json", import.meta.url));

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const external = process.env.CONTRACT_BASE_URL;
  if (external) {
    project.provide("contractBaseUrl", external.replace(/\/+$/, ""));
    return undefined;
  }
  if (!existsSync(SPEC)) throw new Error(`${SPEC} is missing: run \`npm run generate\` first`);
  const prism = await startPrism({ spec: SPEC, args: ["--errors", "--verboseLevel", "warn"] });
  project.provide("contractBaseUrl", prism.baseUrl);
  return () => prism.stop();
}
