// Step 3: the normalised document -> the intermediate model, with every name
// the package declares planned up front (see buildModel).
import type { WaiterEntry } from "../load/spec-data.ts";
import type { OpenApiDocument, OperationObject, ParameterObject, PathItemObject, SchemaOrRef } from "../openapi.ts";
import { derefLocal, eachOperation, isRef } from "../openapi.ts";
import {
  ARGS,
  CLIENT_CLASS,
  GROUP_CLIENT_FIELD,
  MODEL_FILES,
  OBJECT_MEMBERS,
  TYPE_HELPERS,
} from "../naming/package-names.ts";
import { NameRegistry } from "../naming/registry.ts";
import { camelCase, pascalCase, splitWords } from "../naming/words.ts";
import { preferredMediaType, responseKind } from "./media-types.ts";
import { functionNameCandidates, groupedName, kebabCase, typeBase } from "../naming/operation-names.ts";
import { claimAliases, type RenameInput } from "./renames.ts";
import { bodyShape, deref, directModelRefs, objectProperties } from "./schema-shape.ts";
import { describeAuth, describeTarget } from "./transport.ts";
import type { Credential } from "../load/spec-data.ts";
import type { ApiModel, ModelInfo, OperationInfo, ParamInfo, ResourceInfo, ResponseKind } from "./types.ts";
import { checkWaiters } from "./waiters.ts";

const SHARED_MODELS = MODEL_FILES.shared;
const PAGINATION_KEYS = new Set(["links", "meta"]);

/** What the runtime core already names (naming/runtime-names.ts reads it from the core's source). */
export interface RuntimeNames {
  /** Everything the core exports: the package re-exports it next to the generated names. */
  exports: readonly string[];
  /** Public members of the core's Client class: a resource group property must not shadow them. */
  clientMembers: readonly string[];
}

const NO_RUNTIME: RuntimeNames = { exports: [], clientMembers: [...OBJECT_MEMBERS] };

const NO_RENAMES: RenameInput = { entries: [], warn: () => {} };

/** The project's data the model checks against the spec. */
export interface ModelData {
  /** spec/renames.json's entries: former operation names kept as deprecated aliases. */
  renames?: RenameInput;
  /** spec/waiters.json's entries. */
  waiters?: readonly WaiterEntry[];
  /** Called for a waiter whose operation this spec lacks (another version); without it, that is an error. */
  onMissingWaiter?: (message: string) => void;
  /** spec/credentials.json: security scheme -> credential; default: bearer_auth is the API token. */
  credentials?: Readonly<Record<string, Credential>>;
}

const DEFAULT_CREDENTIALS: Readonly<Record<string, Credential>> = { bearer_auth: "token" };

/** A schema key as a type name: kept when it already is one (`IPAddress`), else PascalCased (`droplet_action`). */
function modelCandidates(key: string): string[] {
  const base = /^[A-Z][A-Za-z0-9_]*$/.test(key) ? key : pascalCase(splitWords(key)) || "Model";
  return [base, `${base}Model`, `${base}Schema`];
}

/**
 * Every identifier and file name the package declares is planned here, from
 * one registry per scope, in a fixed order: the runtime's names and the
 * package's own (naming/package-names.ts), then models (named by the spec's
 * authors), functions, the operations' own types, renamed operations' former
 * names (spec/renames.json: kept as deprecated aliases), the resource groups
 * and the waiters. A later claim adapts to an earlier one (a schema named
 * `MonitoringResource` keeps its name; the group's class becomes
 * `MonitoringApi`), so nothing can collide and the same spec always yields the
 * same names.
 */
export function buildModel(doc: OpenApiDocument, runtime: RuntimeNames = NO_RUNTIME, data: ModelData = {}): ApiModel {
  const schemas = (doc.components?.schemas ?? {}) as Record<string, SchemaOrRef>;
  // Type helpers are imported beside models, so a model must not take their names.
  const exported = new NameRegistry([CLIENT_CLASS, ...runtime.exports, ...TYPE_HELPERS]);
  const modelNames = new Map<string, string>();
  for (const key of Object.keys(schemas).sort())
    modelNames.set(key, exported.claim(modelCandidates(key), `model ${key}`));
  const files = new NameRegistry(Object.values(MODEL_FILES), "file");
  const resourceProps = new NameRegistry(runtime.clientMembers, "member");
  const methodRegistries = new Map<string, NameRegistry>();
  const resourceProperty = new Map<string, string>();

  const operations: OperationInfo[] = [];
  for (const { path, method, pathItem, operation: written } of eachOperation(doc)) {
    const operation = withSharedParts(doc, written);
    const operationId = operation.operationId ?? `${method} ${path}`;
    const functionName = exported.claim(
      functionNameCandidates(operationId, method, path),
      `operation ${operationId}`,
      "op",
    );
    const grouped = groupedName(operationId, operation.tags?.[0]);
    let property = resourceProperty.get(grouped.resource);
    if (!property) {
      property = resourceProps.claim([grouped.resource, grouped.resource + "Api"], `resource ${grouped.resource}`);
      resourceProperty.set(grouped.resource, property);
      methodRegistries.set(property, new NameRegistry([...OBJECT_MEMBERS, GROUP_CLIENT_FIELD], "member"));
    }
    const methodName = methodRegistries
      .get(property)!
      .claim([grouped.method, grouped.method + pascalCase([method]), functionName], `operation ${operationId}`, "op");
    const params = [...(pathItem.parameters ?? []).map((p) => inPlace(doc, p)), ...(operation.parameters ?? [])].filter(
      (p): p is ParameterObject => !isRef(p),
    );
    const merged = new Map<string, ParameterObject>();
    for (const p of params) merged.set(`${p.in}:${p.name}`, p); // operation-level wins
    const info = describeOperation(doc, {
      operationId,
      functionName,
      method,
      path,
      pathItem,
      credentials: data.credentials ?? DEFAULT_CREDENTIALS,
      operation,
      params: [...merged.values()],
      property,
      methodName,
    });
    info.typeNames = claimTypeNames(exported, info);
    operations.push(info);
  }

  // Aliases after every current operation name, so an alias can never take one.
  const aliases = claimAliases(data.renames ?? NO_RENAMES, operations, {
    exported,
    resourceProperty,
    methods: methodRegistries,
  });
  const resources: ResourceInfo[] = [];
  for (const property of resourceProperty.values()) {
    const pascal = pascalCase(splitWords(property));
    const stem = kebabCase(property);
    resources.push({
      property,
      className: exported.claim([`${pascal}Resource`, `${pascal}Api`, `${pascal}Operations`], `resource ${property}`),
      file: files.claim([stem, `${stem}-resource`], `resource ${property}`),
      operations: operations.filter((op) => op.resource === property),
    });
  }
  const fileOf = new Map<string, string>([
    [SHARED_MODELS, SHARED_MODELS],
    ...resources.map((r) => [r.property, r.file] as const),
  ]);
  const models = placeModels(schemas, modelNames, operations).map((m) => ({ ...m, file: fileOf.get(m.home)! }));
  for (const op of operations) op.errorModels = op.errorModels.map((key) => modelNames.get(key)!);
  // Waiters last: their names are the table's, so a clash is an error there rather than a renamed model.
  const waiters = checkWaiters(
    data.waiters ?? [],
    { doc, operations, resources, exported, methods: methodRegistries },
    data.onMissingWaiter,
  );
  return {
    title: doc.info.title,
    version: doc.info.version,
    description: doc.info.description,
    baseUrl: doc.servers?.[0]?.url ?? "https://api.digitalocean.com",
    models,
    modelNames,
    operations,
    resources,
    aliases,
    waiters,
  };
}

/** What a `$ref` points at (the node itself when it is none, or dangles: the loader refuses those). */
function inPlace<T>(doc: OpenApiDocument, node: T): T {
  return (derefLocal(doc, node) as T | undefined) ?? node;
}

/**
 * The operation with its parameters, request body and responses written in
 * place: the normaliser keeps `$ref`s into `#/components/` (parameters,
 * requestBodies, responses), and each one is as much the operation's as one
 * written inline.
 */
function withSharedParts(doc: OpenApiDocument, operation: OperationObject): OperationObject {
  return {
    ...operation,
    parameters: operation.parameters?.map((p) => inPlace(doc, p)),
    requestBody: operation.requestBody && inPlace(doc, operation.requestBody),
    responses:
      operation.responses &&
      Object.fromEntries(Object.entries(operation.responses).map(([code, r]) => [code, inPlace(doc, r)])),
  };
}

interface OperationInput {
  operationId: string;
  functionName: string;
  method: string;
  path: string;
  pathItem: PathItemObject;
  credentials: Readonly<Record<string, Credential>>;
  operation: OperationObject;
  params: ParameterObject[];
  property: string;
  methodName: string;
}

function describeOperation(doc: OpenApiDocument, input: OperationInput): OperationInfo {
  const { operation, path } = input;
  const param = (p: ParameterObject): ParamInfo => ({
    name: p.name,
    argName: p.name,
    schema: p.schema ?? {},
    required: p.in === "path" ? true : !!p.required,
    description: p.description,
    deprecated: !!p.deprecated,
    ...(p.in === "query" && p.style === "deepObject" ? { deepObject: true } : {}),
  });
  const argNames = new NameRegistry(Object.values(ARGS));
  // The target first: a run-time URL or server variables are the call's first arguments.
  const target = describeTarget(doc, input.pathItem, operation, path, argNames);
  // Path parameters in the order they appear in the path template.
  const placeholders = target.urlArgument ? [] : [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  const declaredPath = new Map(input.params.filter((p) => p.in === "path").map((p) => [p.name, p]));
  const pathParams = placeholders.map((name) => {
    const declared = declaredPath.get(name);
    const info = param(
      declared ?? ({ name, in: "path", required: true, schema: { type: "string" } } as ParameterObject),
    );
    info.argName = argNames.claim(
      [camelCase(splitWords(name)), camelCase(splitWords(name)) + "Value"],
      `path parameter ${name}`,
    );
    return info;
  });
  const queryParams = input.params.filter((p) => p.in === "query").map(param);
  const headerParams = input.params.filter((p) => p.in === "header").map(param);

  const body = describeBody(doc, operation, new Set([...queryParams, ...headerParams].map((p) => p.name)));
  const response = describeResponse(doc, operation, body);
  const pagination = describePagination(doc, queryParams, response.kind === "json" ? response.schema : undefined);
  // A required body makes the params object required when the caller must fill something in it.
  const bodyFieldsRequired = !!body?.required && (body.mode === "body" || (body.requiredFields ?? []).length > 0);
  return {
    operationId: input.operationId,
    functionName: input.functionName,
    method: input.method.toUpperCase() as OperationInfo["method"],
    path,
    tags: operation.tags ?? [],
    summary: operation.summary,
    description: operation.description,
    deprecated: !!operation.deprecated,
    resource: input.property,
    methodName: input.methodName,
    pathParams,
    queryParams,
    headerParams,
    body,
    response,
    pagination,
    errorModels: errorModels(operation),
    typeNames: {},
    paramsRequired: [...queryParams, ...headerParams].some((p) => p.required) || bodyFieldsRequired,
    ...target,
    auth: describeAuth(doc, operation, input.credentials),
  };
}

function describeBody(
  doc: OpenApiDocument,
  operation: OperationObject,
  paramNames: Set<string>,
): OperationInfo["body"] {
  const requestBody = operation.requestBody;
  if (!requestBody || isRef(requestBody)) return undefined;
  const contentType = preferredMediaType(Object.keys(requestBody.content ?? {}));
  if (!contentType) return undefined;
  const schema = requestBody.content[contentType]?.schema ?? {};
  // JSON and multipart bodies are made of fields; anything else is one value (bytes, a string, an array).
  const fielded = responseKind(contentType) === "json" || contentType.startsWith("multipart/form-data");
  const json = fielded ? bodyShape(doc, schema) : undefined;
  // A field named like a query or header parameter could not share the params object with it:
  // such a body goes under `body` whole, so nothing is lost or sent twice.
  const shape = json && ![...json.fields.keys()].some((k) => paramNames.has(k)) ? json : undefined;
  return {
    schema,
    required: !!requestBody.required,
    mode: shape ? "fields" : "body",
    contentType,
    description: requestBody.description,
    nullable: !!deref(doc, schema)?.nullable,
    ...(shape
      ? { fields: [...shape.fields.keys()].sort(), requiredFields: [...shape.required].sort(), open: shape.open }
      : {}),
  };
}

function describeResponse(
  doc: OpenApiDocument,
  operation: OperationObject,
  body: OperationInfo["body"],
): OperationInfo["response"] {
  const success = Object.keys(operation.responses ?? {})
    .filter((code) => /^2\d\d$/.test(code))
    .sort();
  // Nothing a call could resolve to: the operation rejects (deprecated ones answer only 410 Gone).
  if (success.length === 0) return { kind: "never", status: "" };
  for (const status of success) {
    const response = operation.responses[status];
    if (!response || isRef(response)) continue;
    const mediaType = preferredMediaType(Object.keys(response.content ?? {}));
    if (!mediaType) continue;
    const kind = responseKind(mediaType);
    const schema = response.content![mediaType]!.schema;
    if (kind === "json" && !schema) continue;
    return {
      kind,
      status,
      mediaType,
      schema,
      description: response.description,
      ...streamOf(doc, response.content ?? {}, kind, body),
    };
  }
  const status = success[0]!;
  const response = operation.responses?.[status];
  return { kind: "none", status, description: response && !isRef(response) ? response.description : undefined };
}

/**
 * A JSON response that can also come as server-sent events, chosen by a
 * boolean `stream` field of the body (serverless inference): the events'
 * schema. Only such a flag can tell the SDK which of the two a call gets.
 */
function streamOf(
  doc: OpenApiDocument,
  content: Record<string, { schema?: SchemaOrRef }>,
  kind: ResponseKind,
  body: OperationInfo["body"],
): { stream?: { schema: SchemaOrRef } } {
  const events = content["text/event-stream"];
  if (kind !== "json" || !events?.schema || body?.mode !== "fields") return {};
  const flag = bodyShape(doc, body.schema)?.fields.get("stream");
  return flag && deref(doc, flag)?.type === "boolean" ? { stream: { schema: events.schema } } : {};
}

function errorModels(operation: OperationObject): string[] {
  const schemas = Object.entries(operation.responses ?? {})
    .filter(([code, response]) => !/^2/.test(code) && !isRef(response))
    .flatMap(([, response]) =>
      Object.values((response as { content?: Record<string, { schema?: unknown }> }).content ?? {}).map(
        (m) => m.schema,
      ),
    );
  return [...directModelRefs(schemas)].sort();
}

function describePagination(
  doc: OpenApiDocument,
  query: ParamInfo[],
  schema: SchemaOrRef | undefined,
): OperationInfo["pagination"] {
  const names = new Set(query.map((p) => p.name));
  if (!schema || !names.has("page") || !names.has("per_page")) return undefined;
  const props = objectProperties(doc, schema);
  if (!props?.has("links")) return undefined;
  const arrays = [...props].filter(([key, value]) => !PAGINATION_KEYS.has(key) && deref(doc, value)?.type === "array");
  if (arrays.length !== 1) return undefined;
  const [itemsKey, arraySchema] = arrays[0]!;
  const items = (deref(doc, arraySchema) as { items?: SchemaOrRef }).items ?? {};
  return { itemsKey, itemSchema: items, itemsRequired: bodyShape(doc, schema)?.required.includes(itemsKey) ?? false };
}

function claimTypeNames(registry: NameRegistry, op: OperationInfo): OperationInfo["typeNames"] {
  const base = typeBase(op.functionName);
  const names: OperationInfo["typeNames"] = {};
  if (op.queryParams.length || op.headerParams.length || op.body) {
    names.params = registry.claim([`${base}Params`, `${base}Parameters`], `params of ${op.operationId}`);
  }
  if (op.body?.mode === "body" && !isRef(op.body.schema)) {
    names.body = registry.claim([`${base}Body`, `${base}RequestBody`], `body of ${op.operationId}`);
  }
  if (op.response.kind === "json" && op.response.schema && !isRef(op.response.schema)) {
    names.response = registry.claim([`${base}Response`, `${base}Result`], `response of ${op.operationId}`);
  }
  return names;
}

/**
 * Each model is declared in the file of the resource that uses it most
 * directly; one used directly by three or more resources goes to "common",
 * and one only reached through other models follows the first that uses it.
 */
function placeModels(
  schemas: Record<string, SchemaOrRef>,
  names: ReadonlyMap<string, string>,
  operations: OperationInfo[],
): Omit<ModelInfo, "file">[] {
  const refs = new Map(Object.entries(schemas).map(([name, schema]) => [name, [...directModelRefs(schema)].sort()]));
  const uses = new Map<string, Map<string, number>>();
  const usedBy = new Map<string, string[]>();
  for (const op of operations) {
    const params = [...op.pathParams, ...op.queryParams, ...op.headerParams].map((p) => p.schema);
    for (const name of directModelRefs([op.response.schema, op.body?.schema, ...params])) {
      const counts = uses.get(name) ?? new Map<string, number>();
      counts.set(op.resource, (counts.get(op.resource) ?? 0) + 1);
      uses.set(name, counts);
      usedBy.set(name, [...(usedBy.get(name) ?? []), op.functionName]);
    }
  }
  const home = new Map<string, string>();
  for (const [name, counts] of uses) {
    if (counts.size >= 3) home.set(name, SHARED_MODELS);
    // Most uses wins; a tie goes to the resource first in name order, so operation order cannot move a model.
    else
      home.set(
        name,
        [...counts].reduce((best, entry) =>
          entry[1] > best[1] || (entry[1] === best[1] && entry[0] < best[0]) ? entry : best,
        )[0],
      );
  }
  const follow = (name: string, resource: string) => {
    for (const inner of refs.get(name) ?? []) {
      if (home.has(inner)) continue;
      home.set(inner, resource);
      follow(inner, resource);
    }
  };
  for (const name of [...uses.keys()].sort()) follow(name, home.get(name)!);
  const errorOf = (name: string) =>
    operations.filter((op) => op.errorModels.includes(name)).map((op) => op.functionName);
  const partOf = (name: string) =>
    [...refs]
      .filter(([, inner]) => inner.includes(name))
      .map(([outer]) => outer)
      .sort();
  const named = (keys: string[]) => keys.map((key) => names.get(key)!);
  return Object.keys(schemas)
    .sort()
    .map((key) => ({
      name: names.get(key)!,
      key,
      schema: schemas[key]!,
      home: home.get(key) ?? SHARED_MODELS,
      refs: named(refs.get(key)!),
      usedBy: usedBy.get(key) ?? [],
      partOf: named(partOf(key)),
      errorOf: errorOf(key),
    }));
}
