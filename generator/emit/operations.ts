// Emits one file per resource under src/resources/: the operation's own types
// (params, body, response), one standalone function per operation, and the
// group class behind `client.<resource>`. Functions only declare the call;
// the runtime core does the work.
import type { Project, SourceFile } from "ts-morph";
import type { ApiModel, OperationInfo, ParamInfo, ResourceInfo } from "../model/types.ts";
import type { SchemaOrRef } from "../openapi.ts";
import { jsdocText } from "./docs.ts";
import { addNamedType, addTypeImports, HELPERS_FILE } from "./models.ts";
import type { SchemaTyper } from "./schema-types.ts";
import { referencedTypeNames } from "./type-shape.ts";

export const CORE_MODULE = "src/core/index.ts";
const CORE_TYPES = new Set(["Client", "RequestOptions", "APIPromise", "PagePromise"]);

export function resourceFile(resource: ResourceInfo): string {
  return `src/resources/${resource.file}.ts`;
}

/** `{ a?: T; b: U }` from parameters, as a JSON schema so openapi-typescript writes the docs. */
function paramsSchema(params: readonly ParamInfo[]): SchemaOrRef {
  return {
    type: "object",
    properties: Object.fromEntries(
      params.map((p) => [
        p.name,
        {
          ...(p.schema as object),
          ...(p.description ? { description: p.description } : {}),
          ...(p.deprecated ? { deprecated: true } : {}),
        },
      ]),
    ),
    required: params.filter((p) => p.required).map((p) => p.name),
  } as SchemaOrRef;
}

function responseType(op: OperationInfo, typer: SchemaTyper): string {
  switch (op.response.kind) {
    case "none":
      return "void";
    case "text":
      return "string";
    case "binary":
      return "ArrayBuffer";
    case "json":
      return op.typeNames.response ?? typer.typeOf(op.response.schema ?? {}, `${op.operationId} response`);
  }
}

/** The Operation descriptor literal handed to the runtime. */
function descriptor(op: OperationInfo): string {
  const parts = [`method: "${op.method}"`, `path: ${JSON.stringify(op.path)}`];
  if (op.queryParams.length) parts.push(`query: ${JSON.stringify(op.queryParams.map((p) => p.name))}`);
  if (op.headerParams.length) {
    parts.push(
      `headers: { ${op.headerParams.map((p) => `${JSON.stringify(p.name)}: ${JSON.stringify(p.name)}`).join(", ")} }`,
    );
  }
  if (op.body) parts.push(`body: "${op.body.mode}"`);
  if (op.body?.required) parts.push("bodyRequired: true");
  if (op.response.mediaType && op.response.mediaType !== "application/json")
    parts.push(`accept: ${JSON.stringify(op.response.mediaType)}`);
  if (op.response.kind !== "json") parts.push(`response: "${op.response.kind}"`);
  if (op.pagination) parts.push(`items: ${JSON.stringify(op.pagination.itemsKey)}`);
  return `{ ${parts.join(", ")} }`;
}

function operationDoc(op: OperationInfo): string | undefined {
  return jsdocText([
    op.summary,
    op.description,
    `\`${op.method} ${op.path}\``,
    op.deprecated ? "@deprecated" : undefined,
  ]);
}

/** Returns a function that passes a type text through, recording the names it refers to (for imports). */
function noting(used: Set<string>): (text: string) => string {
  return (text) => {
    for (const name of referencedTypeNames(text)) used.add(name);
    return text;
  };
}

function addOperationTypes(file: SourceFile, op: OperationInfo, typer: SchemaTyper, used: Set<string>): void {
  const note = noting(used);
  if (op.typeNames.body && op.body) {
    addNamedType(
      file,
      op.typeNames.body,
      note(typer.typeOf(op.body.schema, `${op.operationId} body`)),
      jsdocText([op.body.description, `Request body of {@link ${op.functionName}}.`]),
    );
  }
  if (op.typeNames.params) {
    const own = [...op.queryParams, ...op.headerParams];
    const parts: string[] = [];
    if (own.length) parts.push(note(typer.typeOf(paramsSchema(own), `${op.operationId} params`)));
    if (op.body?.mode === "fields") {
      const fields = note(typer.typeOf(op.body.schema, `${op.operationId} body`));
      parts.push(op.body.nullable ? `NonNullable<${fields}>` : fields);
    } else if (op.body) {
      parts.push(
        `{ ${op.body.required ? "body" : "body?"}: ${op.typeNames.body ?? note(typer.typeOf(op.body.schema, `${op.operationId} body`))} }`,
      );
    }
    addNamedType(
      file,
      op.typeNames.params,
      parts.join(" & "),
      `Parameters of {@link ${op.functionName}}: query parameters${op.headerParams.length ? ", headers" : ""}${op.body ? (op.body.mode === "fields" ? " and the fields of the JSON body" : " and the JSON body under `body`") : ""}.`,
    );
  }
  if (op.typeNames.response && op.response.schema) {
    addNamedType(
      file,
      op.typeNames.response,
      note(typer.typeOf(op.response.schema, `${op.operationId} response`)),
      jsdocText([op.response.description, `Response of {@link ${op.functionName}}.`]),
    );
  }
}

function signature(
  op: OperationInfo,
  typer: SchemaTyper,
  used: Set<string>,
): { params: { name: string; type: string; optional: boolean }[]; returns: string } {
  const note = noting(used);
  const params = op.pathParams.map((p) => ({
    name: p.argName,
    type: note(typer.typeOf(p.schema, `${op.operationId} ${p.name}`)),
    optional: false,
  }));
  if (op.typeNames.params) params.push({ name: "params", type: op.typeNames.params, optional: !op.paramsRequired });
  params.push({ name: "options", type: "RequestOptions", optional: true });
  const data = note(responseType(op, typer));
  const returns = op.pagination
    ? `PagePromise<${data}, ${note(typer.typeOf(op.pagination.itemSchema, `${op.operationId} item`))}>`
    : `APIPromise<${data}>`;
  return { params, returns };
}

export function emitResources(
  api: ApiModel,
  project: Project,
  typer: SchemaTyper,
  modelLocations: Map<string, string>,
): void {
  for (const resource of api.resources) {
    const path = resourceFile(resource);
    const file = project.createSourceFile(path, "", { overwrite: true });
    const used = new Set<string>(["Client", "RequestOptions"]);
    const methods: string[] = [];
    for (const op of resource.operations) {
      addOperationTypes(file, op, typer, used);
      const sig = signature(op, typer, used);
      used.add(op.pagination ? "PagePromise" : "APIPromise");
      const pathArgs = `[${op.pathParams.map((p) => p.argName).join(", ")}]`;
      const call = op.pagination ? "paginate" : "request";
      const paramsArg = op.typeNames.params ? "params" : "undefined";
      file.addFunction({
        name: op.functionName,
        isExported: true,
        docs: [operationDoc(op) ?? op.functionName],
        parameters: [
          { name: "client", type: "Client" },
          ...sig.params.map((p) => ({ name: p.name, type: p.type, hasQuestionToken: p.optional })),
        ],
        returnType: sig.returns,
        statements: `return client.${call}(${descriptor(op)}, ${pathArgs}, ${paramsArg}, options);`,
      });
      const args = sig.params.map((p) => `${p.name}${p.optional ? "?" : ""}: ${p.type}`).join(", ");
      const forward = ["this.client", ...sig.params.map((p) => p.name)].join(", ");
      const methodDoc = jsdocText([
        op.summary,
        `\`${op.method} ${op.path}\` (see {@link ${op.functionName}})`,
        op.deprecated ? "@deprecated" : undefined,
      ]);
      methods.push(
        `/**\n${(methodDoc ?? "")
          .split("\n")
          .map((l) => ` * ${l}`.trimEnd())
          .join("\n")}\n */\n${op.methodName}(${args}): ${sig.returns} {\n  return ${op.functionName}(${forward});\n}`,
      );
    }
    file.addStatements(
      `/** The ${resource.property} operations, bound to a client: \`client.${resource.property}.<method>\`. */\nexport class ${resource.className} {\n  constructor(private readonly client: Client) {}\n\n${methods.join("\n\n")}\n}`,
    );
    addTypeImports(file, used, (name) =>
      CORE_TYPES.has(name)
        ? CORE_MODULE
        : (modelLocations.get(name) ?? (typer.helpers.has(name) ? HELPERS_FILE : undefined)),
    );
  }
}
