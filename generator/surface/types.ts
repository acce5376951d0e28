// The SDK's public surface as data: what `generated/api.json` holds and what
// `npm run api-diff` compares. Built from the IR, never from emitted code, and
// types are structural descriptions rather than TypeScript text, so the diff
// can tell a narrowed type from a widened one.

/** Bumped when the file's shape changes; api-diff refuses a version it does not know. */
export const SURFACE_FORMAT = 1;

export type Primitive = "string" | "integer" | "number" | "boolean" | "null" | "unknown";
export type EnumValue = string | number | boolean | null;

/**
 * A schema as the diff sees it. Primitives are plain strings ("unknown" is any
 * value); everything else is a one-key object naming its kind. Lists whose
 * order means nothing (enum values, union members) are sorted.
 */
export type TypeDesc =
  | Primitive
  | { ref: string }
  | { enum: EnumValue[] }
  | { nullable: TypeDesc }
  | { array: TypeDesc }
  | ObjectDesc
  | { oneOf: TypeDesc[] }
  | { allOf: TypeDesc[] };

/** Fields by name, as in JSON Schema: `required` and `deprecated` list field names (sorted). */
export interface ObjectDesc {
  object: Record<string, TypeDesc>;
  required?: string[];
  deprecated?: string[];
  /** The type of any other key, when the object takes other keys. */
  additional?: TypeDesc;
}

/** Where a model's values travel: sent by the app, received by it, or both. */
export type Side = "request" | "response" | "both";

export interface ParamDesc {
  type: TypeDesc;
  required?: true;
  deprecated?: true;
}

export interface OperationSurface {
  operationId: string;
  /** Grouped method, "resource.method" (`client.droplets.list`). */
  method: string;
  /** "GET /v2/droplets/{droplet_id}". */
  http: string;
  /** Path arguments in call order (names are for messages only: they are positional). */
  path?: { name: string; type: TypeDesc }[];
  query?: Record<string, ParamDesc>;
  headers?: Record<string, ParamDesc>;
  /** "fields": an object body whose fields sit in the params object; "body": under `body`. */
  body?: { mode: "fields" | "body"; required?: true; type: TypeDesc };
  response: { kind: "json" | "text" | "binary" | "none" | "never"; type?: TypeDesc };
  /** Iterable across pages (`for await`). */
  paginated?: true;
  /** The operation's own exported types: params, body, response. */
  types?: Record<string, string>;
  deprecated?: true;
}

export interface ModelSurface {
  /** The resource file that declares it ("common" for shared ones); used to group the diff. */
  resource: string;
  side: Side;
  type: TypeDesc;
  deprecated?: true;
}

export interface WaiterSurface {
  /** Function name of the GET it polls. */
  operation: string;
  path: string;
  success: string[];
  failure?: string[];
  notFoundIsSuccess?: true;
}

export interface AliasSurface {
  kind: "function" | "type" | "method";
  /** The current name it stands for ("resource.method" for methods). */
  target: string;
}

export interface Surface {
  format: number;
  api: { title: string; version: string };
  /** Every name the package's entry point exports, sorted. */
  exports: string[];
  /** Keyed by function name. */
  operations: Record<string, OperationSurface>;
  /** Resource groups: client property -> the exported class behind it. */
  resources: Record<string, string>;
  models: Record<string, ModelSurface>;
  waiters: Record<string, WaiterSurface>;
  /** Deprecated names kept after a rename (spec/renames.json), keyed by the old name. */
  aliases: Record<string, AliasSurface>;
}
