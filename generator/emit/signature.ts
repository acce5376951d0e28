// The parameters and return type an operation's function (and its group
// method) declare: a run-time URL or server variables, path parameters in
// path order, then the params object,
// then request options; `APIPromise<Data>`, or `PagePromise<Data, Item>` for
// a list that pages. Types are built on the syntax tree and printed once.
import ts from "typescript";
import type { OperationInfo } from "../model/types.ts";
import { ARGS } from "../naming/package-names.ts";
import type { TypeUses } from "./model-refs.ts";
import { printNode } from "./print.ts";
import type { SchemaTyper } from "./schema-types.ts";

export interface Parameter {
  name: string;
  type: string;
  hasQuestionToken: boolean;
}

export interface Signature {
  /** Every parameter after the client. */
  parameters: Parameter[];
  returnType: string;
  /** Models and helpers the types name. */
  uses: TypeUses;
  /** Runtime types the signature names (imported from the core). */
  core: string[];
}

const { factory } = ts;
const reference = (name: string, args?: ts.TypeNode[]) => factory.createTypeReferenceNode(name, args);

/** A positional argument of the call, in the order the runtime takes them as `pathArgs`. */
export interface PositionalArg {
  name: string;
  argName: string;
  schema: Parameters<SchemaTyper["typeOf"]>[0];
  description?: string;
}

/**
 * The call's positional arguments: a URL given at run time, or the variables
 * of the operation's own server, then the path parameters in path order.
 */
export function positionalArgs(op: OperationInfo): PositionalArg[] {
  const url = op.urlArgument
    ? [{ ...op.urlArgument, schema: { type: "string", format: "uri" } as PositionalArg["schema"] }]
    : [];
  return [...url, ...(op.server?.variables ?? []), ...op.pathParams];
}

export function operationSignature(op: OperationInfo, typer: SchemaTyper): Signature {
  const uses: TypeUses = { models: new Set(), helpers: new Set() };
  const typeOf = (schema: Parameters<SchemaTyper["typeOf"]>[0], path: string): ts.TypeNode => {
    const type = typer.typeOf(schema, `${op.operationId} ${path}`);
    for (const name of type.uses.models) uses.models.add(name);
    for (const name of type.uses.helpers) uses.helpers.add(name);
    return type.node;
  };
  const parameters: Parameter[] = positionalArgs(op).map((p) => ({
    name: p.argName,
    type: printNode(typeOf(p.schema, p.name)),
    hasQuestionToken: false,
  }));
  if (op.typeNames.params)
    parameters.push({ name: ARGS.params, type: op.typeNames.params, hasQuestionToken: !op.paramsRequired });
  parameters.push({ name: ARGS.options, type: "RequestOptions", hasQuestionToken: true });

  const data = responseType(op, typeOf);
  const promise = op.pagination ? "PagePromise" : "APIPromise";
  const returns = op.pagination
    ? reference(promise, [data, typeOf(op.pagination.itemSchema, "item")])
    : reference(promise, [data]);
  return { parameters, returnType: printNode(returns), uses, core: ["RequestOptions", promise] };
}

function responseType(
  op: OperationInfo,
  typeOf: (schema: Parameters<SchemaTyper["typeOf"]>[0], path: string) => ts.TypeNode,
): ts.TypeNode {
  switch (op.response.kind) {
    case "none":
      return factory.createKeywordTypeNode(ts.SyntaxKind.VoidKeyword);
    case "never":
      return factory.createKeywordTypeNode(ts.SyntaxKind.NeverKeyword);
    case "text":
      return factory.createKeywordTypeNode(ts.SyntaxKind.StringKeyword);
    case "binary":
      return reference("ArrayBuffer");
    case "json":
      return op.typeNames.response ? reference(op.typeNames.response) : typeOf(op.response.schema ?? {}, "response");
  }
}
