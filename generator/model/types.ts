// The intermediate model: what the emitters work from. It is built once from
// the normalised document, so emitters never read OpenAPI themselves; schema
// objects travel along untouched (with refs only to `#/components/schemas`)
// because turning them into types is openapi-typescript's job.
import type { Credential } from "../load/spec-data.ts";
import type { SchemaOrRef } from "../openapi.ts";
import type { ServerInfo, Target } from "./transport.ts";

export interface ApiModel {
  title: string;
  version: string;
  description?: string;
  baseUrl: string;
  /** Named schemas, in a stable order. */
  models: ModelInfo[];
  /** Schema key in `#/components/schemas` -> the model's identifier (they differ where a key clashes). */
  modelNames: ReadonlyMap<string, string>;
  /** Operations in document order. */
  operations: OperationInfo[];
  /** Grouped methods: resource property name -> its operations. */
  resources: ResourceInfo[];
  /** Deprecated names kept for renamed operations (spec/renames.json), claimed after every other name. */
  aliases: AliasInfo[];
  /** Waiters from spec/waiters.json that fit this spec, in table order. */
  waiters: WaiterInfo[];
}

export interface AliasInfo {
  kind: "function" | "type" | "method";
  /** The old name, still exported (a method: still on the operation's resource group). */
  name: string;
  /** The current function, type or method name it stands for. */
  target: string;
  /** The operation's operationId now, and the one it had when `name` was current. */
  operationId: string;
  fromOperationId: string;
}

export interface ModelInfo {
  /** The type's identifier. */
  name: string;
  /** Its key in `#/components/schemas`. */
  key: string;
  /** File stem of `src/models/<file>.ts`, where it is declared. */
  file: string;
  schema: SchemaOrRef;
  /** Resource whose file declares the model (the first operation that uses it). */
  home: string;
  /** Names of other models this one refers to directly. */
  refs: string[];
  /** Functions whose parameters, body or response refer to the model directly, in document order. */
  usedBy: string[];
  /** Models that refer to this one directly. */
  partOf: string[];
  /** Functions whose error responses carry the model. */
  errorOf: string[];
}

export interface ParamInfo {
  /** The name on the wire and in the params object. */
  name: string;
  /** For path parameters: the function argument's identifier. */
  argName: string;
  schema: SchemaOrRef;
  required: boolean;
  description?: string;
  deprecated: boolean;
  /** A query parameter whose object value goes out in OpenAPI's deepObject style (`filter[region]=nyc3`). */
  deepObject?: boolean;
}

/** How a success is read; "never": the spec documents no success (the call rejects). */
export type ResponseKind = "json" | "text" | "binary" | "none" | "never";

export interface OperationInfo {
  operationId: string;
  functionName: string;
  method: "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  tags: string[];
  summary?: string;
  description?: string;
  deprecated: boolean;
  /** Resource group and method name for `client.<resource>.<method>`. */
  resource: string;
  methodName: string;
  pathParams: ParamInfo[];
  queryParams: ParamInfo[];
  headerParams: ParamInfo[];
  body?: {
    schema: SchemaOrRef;
    required: boolean;
    /**
     * "fields": a JSON object body (or a union of them), its fields in the
     * params object; "body": any other body (an array, a primitive, bytes),
     * or one with a field named like a query or header parameter, under the
     * `body` key.
     */
    mode: "fields" | "body";
    /** With "fields": every field the body takes (some alternative's), sorted. */
    fields?: string[];
    /** With "fields": the fields every alternative requires. */
    requiredFields?: string[];
    /** With "fields": the body takes fields it does not name. */
    open?: boolean;
    contentType: string;
    description?: string;
    /** The schema admits null (a model marked nullable for other uses); params are never null. */
    nullable: boolean;
  };
  response: {
    kind: ResponseKind;
    status: string;
    mediaType?: string;
    schema?: SchemaOrRef;
    description?: string;
    /** The JSON answer can come as server-sent events instead, when the body's `stream` is true: their schema. */
    stream?: { schema: SchemaOrRef };
  };
  /** The operation's own server (not the client's baseUrl). */
  server?: ServerInfo;
  /** The target is given at run time: the call's first argument is the full URL. */
  urlArgument?: Target["urlArgument"];
  /** The credential sent: the API token, the model access key, or none. */
  auth: Credential | null;
  /** Models that the operation's error responses (4xx, 5xx, default) carry. */
  errorModels: string[];
  /** Set for list operations that can be iterated across pages. */
  pagination?: {
    itemsKey: string;
    itemSchema: SchemaOrRef;
    /** The response schema requires the key: a page without it is malformed (else it lists nothing). */
    itemsRequired: boolean;
  };
  /** Names of the operation's own types. */
  typeNames: { params?: string; response?: string; body?: string };
  /** True when the params object has a required member. */
  paramsRequired: boolean;
}

export interface ResourceInfo {
  /** Property on the client, e.g. "droplets". */
  property: string;
  /** Class name of the group, e.g. "DropletsResource". */
  className: string;
  /** File name stem of `src/resources/<file>.ts`, e.g. "droplets". */
  file: string;
  operations: OperationInfo[];
}

/** A waiter: polls a GET operation until a field of its response shows a final state. */
export interface WaiterInfo {
  /** The exported function's identifier (from spec/waiters.json, claimed like every exported name). */
  name: string;
  /** The method on its resource group: `client.droplets.waitUntilActive`. */
  methodName: string;
  /** Completes the sentence "Waits until ...". */
  summary: string;
  /** The GET operation polled; it takes one path parameter, the waiter's id argument. */
  operation: OperationInfo;
  /** The resource whose file declares the operation. */
  resource: ResourceInfo;
  /** Dotted path of the state in the response body. */
  path: string;
  success: string[];
  failure: string[];
  /** A 404 ends the wait successfully (deletions). */
  notFoundIsSuccess: boolean;
}
