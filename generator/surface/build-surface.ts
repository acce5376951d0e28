// ApiModel -> Surface: the public API of the generated package as data. It
// reads only the IR (and the names the runtime core adds),
// so it costs milliseconds and never depends on how code is printed.
import type { ApiModel, ModelInfo, OperationInfo, ParamInfo } from "../model/types.ts";
import { directModelRefs } from "../model/schema-shape.ts";
import { CLIENT_CLASS } from "../naming/package-names.ts";
import { describeSchema } from "./describe-schema.ts";
import { type OperationSurface, type ParamDesc, type Side, SURFACE_FORMAT, type Surface } from "./types.ts";

export interface SurfaceInput {
  /** Names the runtime core exports (re-exported by the package). */
  runtimeExports: readonly string[];
}

export function buildSurface(api: ApiModel, input: SurfaceInput): Surface {
  const sides = modelSides(api);
  const operations: Surface["operations"] = {};
  for (const op of api.operations) operations[op.functionName] = describeOperation(op);
  const models: Surface["models"] = {};
  for (const model of api.models) {
    models[model.name] = {
      resource: model.home,
      side: sides.get(model.name) ?? "both",
      type: describeSchema(model.schema),
      ...((model.schema as { deprecated?: boolean }).deprecated === true ? { deprecated: true as const } : {}),
    };
  }
  const waiters: Surface["waiters"] = {};
  for (const w of api.waiters) {
    waiters[w.name] = {
      operation: w.operation.functionName,
      path: w.path,
      success: [...w.success].sort(),
      ...(w.failure.length ? { failure: [...w.failure].sort() } : {}),
      ...(w.notFoundIsSuccess ? { notFoundIsSuccess: true as const } : {}),
    };
  }
  const aliases: Surface["aliases"] = {};
  for (const alias of api.aliases) {
    const resource = api.operations.find((o) => o.operationId === alias.operationId)!.resource;
    const qualify = (name: string) => (alias.kind === "method" ? `${resource}.${name}` : name);
    aliases[qualify(alias.name)] = { kind: alias.kind, target: qualify(alias.target) };
  }
  const exports = new Set<string>([
    ...input.runtimeExports,
    CLIENT_CLASS,
    ...api.models.map((m) => m.name),
    ...api.resources.map((r) => r.className),
    ...api.operations.flatMap((op) => [op.functionName, ...Object.values(op.typeNames)]),
    ...api.waiters.map((w) => w.name),
    ...api.aliases.filter((a) => a.kind !== "method").map((a) => a.name),
  ]);
  return {
    format: SURFACE_FORMAT,
    api: { title: api.title, version: api.version },
    exports: [...exports].filter((name): name is string => !!name).sort(),
    operations,
    resources: Object.fromEntries(api.resources.map((r) => [r.property, r.className])),
    models,
    waiters,
    aliases,
  };
}

function params(list: readonly ParamInfo[]): Record<string, ParamDesc> | undefined {
  if (!list.length) return undefined;
  const out: Record<string, ParamDesc> = {};
  for (const p of list) {
    out[p.name] = {
      type: describeSchema(p.schema),
      ...(p.required ? { required: true as const } : {}),
      ...(p.deprecated ? { deprecated: true as const } : {}),
    };
  }
  return out;
}

function describeOperation(op: OperationInfo): OperationSurface {
  const types = Object.fromEntries(Object.entries(op.typeNames).filter(([, name]) => !!name));
  return {
    operationId: op.operationId,
    method: `${op.resource}.${op.methodName}`,
    http: `${op.method} ${op.path}`,
    ...(op.pathParams.length
      ? { path: op.pathParams.map((p) => ({ name: p.name, type: describeSchema(p.schema) })) }
      : {}),
    ...(op.queryParams.length ? { query: params(op.queryParams) } : {}),
    ...(op.headerParams.length ? { headers: params(op.headerParams) } : {}),
    ...(op.body
      ? {
          body: {
            mode: op.body.mode,
            ...(op.body.required ? { required: true as const } : {}),
            type: describeSchema(op.body.schema),
          },
        }
      : {}),
    response: {
      kind: op.response.kind,
      ...(op.response.kind === "json" ? { type: describeSchema(op.response.schema) } : {}),
    },
    ...(op.pagination ? { paginated: true as const } : {}),
    ...(Object.keys(types).length ? { types } : {}),
    ...(op.deprecated ? { deprecated: true as const } : {}),
  };
}

/**
 * Where each model's values travel. Request: reachable from parameters or a
 * body; response: from a success or error response. A model reachable from
 * both, or from neither (exported but unused), counts as both, since an app
 * may build or read it either way.
 */
function modelSides(api: ApiModel): Map<string, Side> {
  const refs = new Map<string, readonly string[]>(api.models.map((m: ModelInfo) => [m.name, m.refs]));
  const reach = (roots: Iterable<string>): Set<string> => {
    const seen = new Set<string>();
    const visit = (name: string) => {
      if (seen.has(name)) return;
      seen.add(name);
      for (const inner of refs.get(name) ?? []) visit(inner);
    };
    for (const root of roots) visit(root);
    return seen;
  };
  const request = reach(
    directModelRefs(
      api.operations.flatMap((op) => [
        ...[...op.pathParams, ...op.queryParams, ...op.headerParams].map((p) => p.schema),
        op.body?.schema,
      ]),
    ),
  );
  const response = reach([
    ...directModelRefs(api.operations.map((op) => op.response.schema)),
    ...api.operations.flatMap((op) => op.errorModels),
  ]);
  const sides = new Map<string, Side>();
  for (const { name } of api.models) {
    const sent = request.has(name);
    const received = response.has(name);
    sides.set(name, sent === received ? "both" : sent ? "request" : "response");
  }
  return sides;
}
