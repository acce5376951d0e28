// Prism's static mode samples a response without an example from its schema,
// and where the schema refers back to itself (an agent's `child_agents` are
// agents) its sampler writes `null`, which the schema forbids: the mock then
// serves a body that no client could accept. For the mock's private copy only,
// such responses get an example built the way the suite builds request values
// (required properties, and optional ones the spec gives an example for, so
// recursion stops). The schemas themselves, which the suite validates against,
// are unchanged.
import type { OpenApiDocument } from "../../../generator/openapi.ts";
import { eachOperation } from "../../../generator/openapi.ts";
import { sampleValue } from "./sample-value.ts";

type Json = Record<string, unknown>;
const PREFIX = "#/components/schemas/";

/** Does the schema reach a model that (directly or not) contains itself? */
function reachesCycle(doc: OpenApiDocument, schema: unknown): boolean {
  const models = (doc.components?.schemas ?? {}) as Record<string, unknown>;
  const refsOf = (node: unknown, into: Set<string>): Set<string> => {
    if (Array.isArray(node)) for (const item of node) refsOf(item, into);
    else if (node && typeof node === "object") {
      const ref = (node as Json).$ref;
      if (typeof ref === "string" && ref.startsWith(PREFIX)) into.add(ref.slice(PREFIX.length));
      else for (const value of Object.values(node)) refsOf(value, into);
    }
    return into;
  };
  const state = new Map<string, "open" | "done">();
  const visit = (name: string): boolean => {
    if (state.get(name) === "open") return true;
    if (state.get(name) === "done") return false;
    state.set(name, "open");
    for (const next of refsOf(models[name], new Set())) if (visit(next)) return true;
    state.set(name, "done");
    return false;
  };
  return [...refsOf(schema, new Set())].some(visit);
}

/** A copy of the document in which every JSON response with a recursive schema and no example has one. */
export function withExamplesForRecursiveResponses(doc: OpenApiDocument): OpenApiDocument {
  const copy = structuredClone(doc);
  for (const { operation } of eachOperation(copy)) {
    for (const response of Object.values(operation.responses ?? {})) {
      const media = (response as { content?: Record<string, Json> }).content?.["application/json"];
      if (!media?.schema || "example" in media || "examples" in media || !reachesCycle(copy, media.schema)) continue;
      media.example = sampleValue(copy, media.schema, 0, "response");
    }
  }
  return copy;
}
