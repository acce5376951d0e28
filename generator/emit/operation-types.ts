// An operation's own named types: its request body (when sent under `body`),
// its params object (query parameters, headers and the body or its fields)
// and its response. Built on the syntax tree; declared by operations.ts.
import ts from "typescript";
import type { OperationInfo, ParamInfo } from "../model/types.ts";
import type { SchemaOrRef } from "../openapi.ts";
import { jsdocText } from "./docs.ts";
import type { TypeUses } from "./model-refs.ts";
import type { SchemaTyper } from "./schema-types.ts";

export interface NamedType {
  name: string;
  type: ts.TypeNode;
  doc: string | undefined;
}

export interface OperationTypes {
  body?: NamedType;
  params?: NamedType;
  response?: NamedType;
  /** What the types name, for imports. */
  uses: TypeUses[];
}

const { factory } = ts;

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

/** "Parameters of {@link f}: query parameters, headers and the fields of the JSON body.", naming only what is there. */
function paramsDoc(op: OperationInfo): string {
  const parts = [
    op.queryParams.length ? "query parameters" : undefined,
    op.headerParams.length ? "headers" : undefined,
    op.body ? (op.body.mode === "fields" ? "the fields of the JSON body" : "the JSON body under `body`") : undefined,
  ].filter((part) => part !== undefined);
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}` : parts[0];
  return `Parameters of {@link ${op.functionName}}: ${list}.`;
}

/** What a raw-bytes body may be: every runtime's fetch sends each as it is. */
const BYTES = ["Blob", "ArrayBuffer", "Uint8Array", "ReadableStream<Uint8Array>"];
const isBytes = (contentType: string) => contentType === "application/octet-stream";
const isMultipart = (contentType: string) => contentType.startsWith("multipart/form-data");

/** `{ body: T }`, or `{ body?: T }`, on one line. */
function bodyMember(type: ts.TypeNode, required: boolean): ts.TypeNode {
  const question = required ? undefined : factory.createToken(ts.SyntaxKind.QuestionToken);
  const member = factory.createTypeLiteralNode([factory.createPropertySignature(undefined, "body", question, type)]);
  return ts.setEmitFlags(member, ts.EmitFlags.SingleLine);
}

export function operationTypes(op: OperationInfo, typer: SchemaTyper): OperationTypes {
  const uses: TypeUses[] = [];
  const typeOf = (schema: SchemaOrRef, what: string): ts.TypeNode => {
    const type = typer.typeOf(schema, `${op.operationId} ${what}`);
    uses.push(type.uses);
    return type.node;
  };
  const types: OperationTypes = { uses };
  if (op.typeNames.body && op.body) {
    types.body = {
      name: op.typeNames.body,
      type: typeOf(op.body.schema, "body"),
      doc: jsdocText([op.body.description, `Request body of {@link ${op.functionName}}.`]),
    };
  }
  if (op.typeNames.params) {
    const own = [...op.queryParams, ...op.headerParams];
    const parts: ts.TypeNode[] = own.length ? [typeOf(paramsSchema(own), "params")] : [];
    if (op.body?.mode === "fields") {
      const typed = typeOf(op.body.schema, "body");
      // A body model that admits null for other uses: the params object itself is never null.
      const fields = op.body.nullable ? factory.createTypeReferenceNode("NonNullable", [typed]) : typed;
      // A multipart body is the typed fields, or a FormData the caller made.
      parts.push(
        isMultipart(op.body.contentType)
          ? factory.createUnionTypeNode([fields, bodyMember(factory.createTypeReferenceNode("FormData"), true)])
          : fields,
      );
    } else if (op.body) {
      const body = isBytes(op.body.contentType)
        ? factory.createUnionTypeNode(BYTES.map((t) => factory.createTypeReferenceNode(t)))
        : op.typeNames.body
          ? factory.createTypeReferenceNode(op.typeNames.body)
          : typeOf(op.body.schema, "body");
      parts.push(bodyMember(body, op.body.required));
    }
    types.params = {
      name: op.typeNames.params,
      type: parts.length === 1 ? parts[0]! : factory.createIntersectionTypeNode(parts),
      doc: paramsDoc(op),
    };
  }
  if (op.typeNames.response && op.response.schema) {
    types.response = {
      name: op.typeNames.response,
      type: typeOf(op.response.schema, "response"),
      doc: jsdocText([op.response.description, `Response of {@link ${op.functionName}}.`]),
    };
  }
  return types;
}
