// The order of the normaliser passes, set here and nowhere else. Each pass
// fixes one quirk; the comment at the top of its file says which operations
// it touches and why.
import type { OpenApiDocument } from "../openapi.ts";
import { runPass, type NormalizePass, type PassReport } from "./pass.ts";
import { decodePercentEncodedRefs } from "./passes/decode-percent-encoded-refs.ts";
import { hoistSharedSchemas, type ModelNameOverrides } from "./passes/hoist-shared-schemas.ts";
import { inlineNonSchemaRefs } from "./passes/inline-non-schema-refs.ts";

export interface NormalizeData {
  modelNames: ModelNameOverrides;
  /** Project root, for passes that read data from spec/. */
  root: string;
}

export function normalizePasses(data: NormalizeData): NormalizePass[] {
  return [
    // Refs first: later passes match refs by target.
    decodePercentEncodedRefs,
    hoistSharedSchemas(data.modelNames),
    inlineNonSchemaRefs,
  ];
}

export function normalize(doc: OpenApiDocument, passes: readonly NormalizePass[]): { doc: OpenApiDocument; reports: PassReport[] } {
  const reports: PassReport[] = [];
  let current = doc;
  for (const pass of passes) {
    const result = runPass(pass, current);
    current = result.doc;
    reports.push(result.report);
  }
  return { doc: current, reports };
}
