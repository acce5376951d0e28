// Emits src/waiters.ts from the model's waiters (spec/waiters.json, checked
// against the spec in model/waiters.ts): each waiter is one call of the
// runtime's waitUntil with a poll function, a field path and state values.
import { type FunctionDeclarationStructure, type Project, StructureKind } from "ts-morph";
import ts from "typescript";
import type { ApiModel, WaiterInfo } from "../model/types.ts";
import { WAITERS_TABLE } from "../model/waiters.ts";
import { ARGS } from "../naming/package-names.ts";
import { relativeModule } from "./declarations.ts";
import { literal } from "./descriptor.ts";
import { jsdocText } from "./docs.ts";
import { CORE_MODULE, resourceFile } from "./operations.ts";
import { printNode } from "./print.ts";
import type { SchemaTyper } from "./schema-types.ts";
import { createFile, type Statement } from "./statements.ts";

export const WAITERS_FILE = "src/waiters.ts";

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

/** Per resource file: the operation functions the waiters call, and their response types. */
function imports(waiters: readonly WaiterInfo[]): Statement[] {
  const byFile = new Map<string, { values: Set<string>; types: Set<string> }>();
  for (const w of waiters) {
    const file = resourceFile(w.resource);
    const entry = byFile.get(file) ?? { values: new Set(), types: new Set() };
    entry.values.add(w.operation.functionName);
    if (w.operation.typeNames.response) entry.types.add(w.operation.typeNames.response);
    byFile.set(file, entry);
  }
  return [...byFile]
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([file, { values, types }]) => {
      const moduleSpecifier = relativeModule(WAITERS_FILE, file);
      return [
        { kind: StructureKind.ImportDeclaration as const, moduleSpecifier, namedImports: [...values].sort() },
        ...(types.size
          ? [
              {
                kind: StructureKind.ImportDeclaration as const,
                moduleSpecifier,
                namedImports: [...types].sort(),
                isTypeOnly: true,
              },
            ]
          : []),
      ];
    });
}

export function emitWaiters(api: ApiModel, project: Project, typer: SchemaTyper): void {
  const header = `// Waiters from ${WAITERS_TABLE}: each polls one GET operation through the runtime's waitUntil.`;
  if (!api.waiters.length) return void createFile(project, WAITERS_FILE, [header, "export {};"]);
  const core = relativeModule(WAITERS_FILE, CORE_MODULE);
  createFile(project, WAITERS_FILE, [
    header,
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: core, namedImports: ["waitUntil"] },
    // WaitError and WaitTimeoutError are imported for the JSDoc links only.
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: core,
      namedImports: ["Client", "WaitError", "WaitOptions", "WaitTimeoutError"],
      isTypeOnly: true,
    },
    ...imports(api.waiters),
    ...api.waiters.map((w) => waiterFunction(w, typer)),
  ]);
}
