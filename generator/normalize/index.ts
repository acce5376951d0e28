// The order of the normaliser passes, set here and nowhere else. Each pass
// fixes one quirk; the comment at the top of its file says which operations
// it touches and why.
import type { OpenApiDocument } from "../openapi.ts";
import type { LoadedOverlay } from "../load/overlay.ts";
import { runPass, type NormalizePass, type PassReport } from "./pass.ts";
import { applyOverlays } from "./passes/apply-overlays.ts";
import { correctPathEncodingAdvice } from "./passes/correct-path-encoding-advice.ts";
import { decodePercentEncodedRefs } from "./passes/decode-percent-encoded-refs.ts";
import { dropBrokenDiscriminatorMappings } from "./passes/drop-broken-discriminator-mappings.ts";
import { dropKeywordsOfOtherTypes } from "./passes/drop-keywords-of-other-types.ts";
import { dropMismatchedExamples } from "./passes/drop-mismatched-examples.ts";
import { dropRuntimeHeaderParameters } from "./passes/drop-runtime-header-parameters.ts";
import { dropUnknownFormats } from "./passes/drop-unknown-formats.ts";
import { expressByteFormatAsPattern } from "./passes/express-byte-format-as-pattern.ts";
import { hoistSharedSchemas, type ModelNameOverrides } from "./passes/hoist-shared-schemas.ts";
import { inferArrayTypeFromItems } from "./passes/infer-array-type-from-items.ts";
import { inlineNonSchemaRefs } from "./passes/inline-non-schema-refs.ts";
import { letNullThroughAllOf } from "./passes/let-null-through-allof.ts";
import { liftAllOfRequired } from "./passes/lift-allof-required.ts";
import { makeFreeFormObjectsExplicit } from "./passes/make-free-form-objects-explicit.ts";
import { narrowUnionMembersByTag } from "./passes/narrow-union-members-by-tag.ts";
import { nestUnionBesideAllOf } from "./passes/nest-union-beside-allof.ts";
import { relaxOverlappingOneOf } from "./passes/relax-overlapping-oneof.ts";
import { renameNonstandardFormats } from "./passes/rename-nonstandard-formats.ts";
import { repairUnicodePatterns } from "./passes/repair-unicode-patterns.ts";
import { requirePathParameters } from "./passes/require-path-parameters.ts";
import { splitReadAndWriteModels } from "./passes/split-read-and-write-models.ts";
import { typeSchemalessMediaTypes } from "./passes/type-schemaless-media-types.ts";
import { wrapRefSiblingsInAllOf } from "./passes/wrap-ref-siblings-in-allof.ts";

/** The data in spec/ the passes apply (read and checked by load/spec-data.ts). */
export interface NormalizeData {
  modelNames: ModelNameOverrides;
  overlays: readonly LoadedOverlay[];
}

export function normalizePasses(data: NormalizeData): NormalizePass[] {
  return [
    // Data fixes first: overlay targets are written against the spec as published.
    applyOverlays(data.overlays),
    // Refs in one canonical form: later passes match refs by their target.
    decodePercentEncodedRefs,
    dropBrokenDiscriminatorMappings,
    // Schema repairs; none of them moves a node that a $ref points at.
    repairUnicodePatterns,
    dropKeywordsOfOtherTypes,
    dropUnknownFormats,
    renameNonstandardFormats,
    expressByteFormatAsPattern,
    inferArrayTypeFromItems,
    wrapRefSiblingsInAllOf,
    liftAllOfRequired,
    letNullThroughAllOf,
    relaxOverlappingOneOf,
    dropRuntimeHeaderParameters,
    typeSchemalessMediaTypes,
    makeFreeFormObjectsExplicit,
    requirePathParameters,
    correctPathEncodingAdvice,
    // Examples are checked against the repaired schemas (patterns must compile).
    dropMismatchedExamples,
    // Names last: every shared schema becomes one model, then the remaining
    // shared parameters and responses are copied in place.
    hoistSharedSchemas(data.modelNames),
    // Tags next: mappings and members now point at named models.
    narrowUnionMembersByTag,
    // After the tags: a union beside allOf becomes an allOf part, discriminator included.
    nestUnionBesideAllOf,
    inlineNonSchemaRefs,
    // Last: every request and response is written out, so each takes its side of the models.
    splitReadAndWriteModels,
  ];
}

export function normalize(
  doc: OpenApiDocument,
  passes: readonly NormalizePass[],
): { doc: OpenApiDocument; reports: PassReport[]; timings: { name: string; ms: number }[] } {
  const reports: PassReport[] = [];
  const timings: { name: string; ms: number }[] = [];
  let current = doc;
  for (const pass of passes) {
    const started = performance.now();
    const result = runPass(pass, current);
    timings.push({ name: pass.name, ms: performance.now() - started });
    current = result.doc;
    reports.push(result.report);
  }
  return { doc: current, reports, timings };
}
