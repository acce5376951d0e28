// The model's waiters (spec/waiters.json, checked against the spec in
// model/waiters.ts), each one call of the runtime's waitUntil with a poll
// function, a field path and state values. A waiter is declared in the file of
// the resource whose operation it polls, beside that operation, so importing
// one resource never drags in another's; its resource group gets it as a
// method too (`client.droplets.waitUntilActive(id)`).
import { type FunctionDeclarationStructure, type MethodDeclarationStructure, StructureKind } from "ts-morph";
import ts from "typescript";
import type { ApiModel, ResourceInfo, WaiterInfo } from "../model/types.ts";
import { ARGS } from "../naming/package-names.ts";
import { literal } from "./descriptor.ts";
import { jsdocText } from "./docs.ts";
import { printNode } from "./print.ts";
import type { SchemaTyper } from "./schema-types.ts";

const quoteList = (values: readonly string[]) => values.map((v) => `"${v}"`).join(" or ");

function waiterDoc(w: WaiterInfo, idArg: string): string {
  const op = w.operation;
  const until = [
    w.success.length ? `\`${w.path}\` is ${quoteList(w.success)}` : undefined,
    w.notFoundIsSuccess ? "the GET answers 404" : undefined,
  ]
    .filter(Boolean)
    .join(", or ");
  const failure = w.failure.length ? `{@link WaitError} when \`${w.path}\` becomes ${quoteList(w.failure)}; with ` : "";
  return jsdocText([
    `Waits until ${w.summary}: polls {@link ${op.functionName}} (\`GET ${op.path}\`) until ${until}.`,
    `Rejects with ${failure}{@link WaitTimeoutError} (carrying the last state) when \`maxWait\` runs out; with the request's own error${w.notFoundIsSuccess ? "" : " (a 404 included)"} when polling fails; with the signal's reason when aborted.`,
    [
      `@param client - The client to poll with; its retries, limiter and rate-limit budget apply.`,
      `@param ${idArg} - The \`${op.pathParams[0]!.name}\` path parameter.`,
      `@param options - minDelay, maxDelay, maxWait, signal and onPoll.`,
      `@returns The response body that showed the awaited state${w.notFoundIsSuccess ? " (undefined after a 404)" : ""}.`,
    ].join("\n"),
  ])!;
}

/** The condition object handed to waitUntil. */
function condition(w: WaiterInfo, idArg: string): string {
  const entries = [
    // The label is a template literal in the emitted code.
    `label: \`${w.name}(\${${idArg}})\``,
    `path: ${literal(w.path)}`,
    `success: ${literal(w.success)}`,
    ...(w.failure.length ? [`failure: ${literal(w.failure)}`] : []),
    ...(w.notFoundIsSuccess ? ["notFoundIsSuccess: true"] : []),
  ];
  return `{ ${entries.join(", ")} }`;
}

const { factory } = ts;
const reference = (name: string, args?: ts.TypeNode[]) => factory.createTypeReferenceNode(name, args);
/** `typeof fn`, inside `Parameters<...>` or `ReturnType<...>`. */
const typeOf = (fn: string) => factory.createTypeQueryNode(factory.createIdentifier(fn));

function waiterFunction(w: WaiterInfo, typer: SchemaTyper): FunctionDeclarationStructure {
  const op = w.operation;
  const fn = op.functionName;
  const id = op.pathParams[0]!;
  // The id is typed like the operation's own argument when that type needs no import.
  const declared = typer.typeOf(id.schema, `${op.operationId} ${id.name}`);
  const idType =
    declared.uses.models.size === 0 && declared.uses.helpers.size === 0
      ? declared.node
      : factory.createIndexedAccessTypeNode(
          reference("Parameters", [typeOf(fn)]),
          factory.createLiteralTypeNode(factory.createNumericLiteral(1)),
        );
  const body = op.typeNames.response
    ? reference(op.typeNames.response)
    : reference("Awaited", [reference("ReturnType", [typeOf(fn)])]);
  const result = w.notFoundIsSuccess
    ? factory.createUnionTypeNode([body, factory.createKeywordTypeNode(ts.SyntaxKind.UndefinedKeyword)])
    : body;
  return {
    kind: StructureKind.Function,
    name: w.name,
    isExported: true,
    docs: [waiterDoc(w, id.argName)],
    parameters: [
      { name: ARGS.client, type: "Client" },
      { name: id.argName, type: printNode(idType) },
      { name: ARGS.options, type: printNode(reference("WaitOptions", [body])), hasQuestionToken: true },
    ],
    returnType: printNode(reference("Promise", [result])),
    statements: `return waitUntil(${ARGS.client}, (o) => ${fn}(${ARGS.client}, ${id.argName}, o), ${condition(w, id.argName)}, ${ARGS.options});`,
  };
}

/** The waiters of one resource: their functions, and what those need from the core. */
export function resourceWaiters(
  api: ApiModel,
  resource: ResourceInfo,
  typer: SchemaTyper,
): { waiters: [WaiterInfo, FunctionDeclarationStructure][]; coreValues: string[]; coreTypes: string[] } {
  const waiters = api.waiters.filter((w) => w.resource === resource);
  if (!waiters.length) return { waiters: [], coreValues: [], coreTypes: [] };
  return {
    waiters: waiters.map((w) => [w, waiterFunction(w, typer)]),
    coreValues: ["waitUntil"],
    // WaitError and WaitTimeoutError are named for the JSDoc links only.
    coreTypes: ["WaitError", "WaitOptions", "WaitTimeoutError"],
  };
}

/** The group's method for a waiter: `waitUntilActive(id, options)` forwarding to its function with the group's client. */
export function waiterMethod(
  w: WaiterInfo,
  fn: FunctionDeclarationStructure,
  client: string,
): MethodDeclarationStructure {
  const [, id, options] = fn.parameters!;
  return {
    kind: StructureKind.Method,
    name: w.methodName,
    docs: [`Waits until ${w.summary} (see {@link ${w.name}}).`],
    parameters: [id!, options!],
    returnType: fn.returnType,
    statements: `return ${w.name}(${client}, ${id!.name}, ${options!.name});`,
  };
}
