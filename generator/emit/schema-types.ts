// Schema -> TypeScript type node, by openapi-typescript's own schema
// transform, of the schema's type view (type-view.ts: what it says about a
// value's shape, discriminators and shapeless parts left out). Its refs come out as `components["schemas"]["X"]`; model-refs.ts
// rewrites those on the tree to the model's identifier, since every model is
// a named export here, and reports what each type needs imported.
import ts from "typescript";
import {
  resolveRef,
  transformSchemaObject,
  type GlobalContext,
  type OpenAPI3,
  type SchemaObject,
} from "openapi-typescript";
import type { ApiModel } from "../model/types.ts";
import type { SchemaOrRef } from "../openapi.ts";
import { rewriteModelRefs, type TypeUses } from "./model-refs.ts";
import { typeView } from "./type-view.ts";

export interface SchemaType {
  /** The type, with every model written as its identifier. */
  node: ts.TypeNode;
  /** The models and helpers it refers to. */
  uses: TypeUses;
}

export interface SchemaTyper {
  /** The type of a schema; `path` is used in openapi-typescript's own errors. */
  typeOf(schema: SchemaOrRef, path: string): SchemaType;
  /** Helper declarations the types so far rely on (e.g. WithRequired), by name. */
  readonly helpers: ReadonlyMap<string, ts.TypeAliasDeclaration>;
}

function context(spec: OpenAPI3): GlobalContext {
  return {
    additionalProperties: false,
    alphabetize: false,
    arrayLength: false,
    defaultNonNullable: false, // a `default` does not make a request parameter required
    discriminators: { objects: {}, refsHandled: [] },
    emptyObjectsUnknown: false,
    enum: false,
    enumValues: false,
    conditionalEnums: false,
    dedupeEnums: false,
    excludeDeprecated: false,
    exportType: false,
    immutable: false,
    rootTypes: false,
    rootTypesNoSchemaPrefix: false,
    rootTypesKeepCasing: false,
    injectFooter: [],
    pathParamsAsTypes: false,
    postTransform: undefined,
    propertiesRequiredByDefault: false,
    redoc: undefined as never,
    silent: true,
    // Bytes are sent as a Blob (`format: binary` appears in request bodies only: multipart files).
    transform: (schema) =>
      schema.type === "string" && schema.format === "binary" ? ts.factory.createTypeReferenceNode("Blob") : undefined,
    transformProperty: undefined,
    makePathsEnum: false,
    generatePathParams: false,
    readWriteMarkers: false,
    resolve: ($ref) => resolveRef(spec, $ref, { silent: true }),
  };
}

/** Types schemas of the model: refs resolve among its models (openapi-typescript reads `required` through them). */
export function createSchemaTyper(api: Pick<ApiModel, "models" | "modelNames">): SchemaTyper {
  const models: Record<string, unknown> = Object.fromEntries(api.models.map((m) => [m.key, m.schema]));
  const spec = { components: { schemas: models } };
  const ctx = context(spec as unknown as OpenAPI3);
  const modelName = (key: string): string => {
    const name = api.modelNames.get(key);
    if (name === undefined) throw new Error(`a type refers to #/components/schemas/${key}, which is not a model`);
    return name;
  };
  const helpers = new Map<string, ts.TypeAliasDeclaration>();
  return {
    helpers,
    typeOf(schema, path) {
      ctx.injectFooter.length = 0;
      const node = transformSchemaObject(typeView(schema, (key) => models[key]) as SchemaObject, { path, ctx });
      for (const footer of ctx.injectFooter) {
        if (!ts.isTypeAliasDeclaration(footer))
          throw new Error(`${path}: openapi-typescript declared a ${ts.SyntaxKind[footer.kind]}, not a type helper`);
        helpers.set(footer.name.text, footer);
      }
      return rewriteModelRefs(node, modelName, helpers);
    },
  };
}
