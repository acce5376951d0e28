// The arguments a realistic caller passes to one generated function: path
// arguments in template order, then the params object (query parameters,
// header parameters and the JSON body) when the function takes one. Values
// come from the spec's examples first, then from the schemas.
import type { OpenApiDocument, ParameterObject } from "../../../generator/openapi.ts";
import { isRef } from "../../../generator/openapi.ts";
import type { ContractOperation } from "./contract-spec.ts";
import { examplesOf, sampleValue } from "./sample-value.ts";

/**
 * Values the descriptions allow but no example shows, chosen because they
 * need encoding in a path segment ("If the name contains `/` characters, they
 * must be URL-encoded").
 */
const AWKWARD_PATH_VALUES: Record<string, string> = {
  repository_name: "my/repo",
};

export interface CallArguments {
  pathArgs: unknown[];
  /** Absent when the generated function takes no params object. */
  params?: Record<string, unknown>;
}

function declaredParams(op: ContractOperation): ParameterObject[] {
  const merged = new Map<string, ParameterObject>();
  for (const p of [...(op.pathItem.parameters ?? []), ...(op.raw.parameters ?? [])])
    if (!isRef(p)) merged.set(`${p.in}:${p.name}`, p);
  return [...merged.values()];
}

/** A path value: a string example where one exists (slugs, fingerprints, digests exercise encoding more than ids do). */
export function pathValue(doc: OpenApiDocument, param: ParameterObject | undefined, name: string): unknown {
  if (AWKWARD_PATH_VALUES[name] !== undefined) return AWKWARD_PATH_VALUES[name];
  const examples = param ? examplesOf(doc, param) : [];
  const usable = examples.filter((v) => typeof v === "string" || typeof v === "number");
  return (
    usable.find((v) => typeof v === "string" && v !== "") ??
    usable[0] ??
    sampleValue(doc, param?.schema ?? { type: "string" })
  );
}

/** A query or header value: example, then default; synthesised only when the parameter is required. */
function optionalValue(doc: OpenApiDocument, param: ParameterObject): unknown {
  const [example] = examplesOf(doc, param);
  if (example !== undefined) return example;
  const schema = (param.schema && !isRef(param.schema) ? param.schema : undefined) as { default?: unknown } | undefined;
  if (schema?.default !== undefined) return schema.default;
  return param.required ? sampleValue(doc, param.schema ?? {}) : undefined;
}

/** The request body: the media type's example, else its first named example, else one built from the schema. */
export function bodyValue(doc: OpenApiDocument, op: ContractOperation): unknown {
  const info = op.info.body;
  if (!info) return undefined;
  const requestBody = op.raw.requestBody;
  const media = requestBody && !isRef(requestBody) ? requestBody.content[info.contentType] : undefined;
  const [example] = media
    ? examplesOf(doc, { example: media.example, examples: media.examples as Record<string, unknown> })
    : [];
  return example !== undefined ? example : sampleValue(doc, info.schema);
}

/** What a raw-bytes body is sent as: the sample's text (or JSON) as bytes. */
const asBytes = (value: unknown) =>
  new TextEncoder().encode(typeof value === "string" ? value : JSON.stringify(value ?? ""));

/**
 * The call's target arguments: a run-time URL is the mock's own URL for the
 * operation's path; a server variable takes a plain host name (the client's
 * `servers` option sends the call to the mock whatever it is).
 */
function targetArgs(op: ContractOperation, baseUrl: string): string[] {
  if (op.info.urlArgument) return [`${baseUrl}${op.info.path}`];
  return (op.info.server?.variables ?? []).map(() => "example.do-ai.run");
}

export function callArguments(doc: OpenApiDocument, op: ContractOperation, baseUrl: string): CallArguments {
  const declared = declaredParams(op);
  const byName = (where: string, name: string) => declared.find((p) => p.in === where && p.name === name);
  const pathArgs = [
    ...targetArgs(op, baseUrl),
    ...op.info.pathParams.map((p) => pathValue(doc, byName("path", p.name), p.name)),
  ];
  if (!op.info.typeNames.params) return { pathArgs };

  const params: Record<string, unknown> = {};
  for (const p of [
    ...op.info.queryParams.map((q) => byName("query", q.name)),
    ...op.info.headerParams.map((h) => byName("header", h.name)),
  ]) {
    if (!p) continue;
    const value = optionalValue(doc, p);
    if (value !== undefined) params[p.name] = value;
  }
  const body = bodyValue(doc, op);
  if (op.info.body?.mode === "fields" && body && typeof body === "object") Object.assign(params, body);
  else if (op.info.body?.contentType === "application/octet-stream") params.body = asBytes(body);
  else if (op.info.body && body !== undefined) params.body = body;
  return { pathArgs, params };
}
