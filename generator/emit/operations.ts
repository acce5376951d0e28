// Emits one file per resource under src/resources/: the operation's own types
// (params, body, response), one standalone function per operation, and the
// group class behind `client.<resource>`. Functions only declare the call;
// the runtime core does the work.
import {
  type ClassDeclarationStructure,
  type FunctionDeclarationStructure,
  type Project,
  Scope,
  StructureKind,
} from "ts-morph";
import type { ApiModel, OperationInfo, ResourceInfo, WaiterInfo } from "../model/types.ts";
import { ARGS, GROUP_CLIENT_FIELD } from "../naming/package-names.ts";
import { aliasMethods, aliasStatements } from "./aliases.ts";
import { namedType, relativeModule, typeImports } from "./declarations.ts";
import { jsdocText } from "./docs.ts";
import { resourceWaiters, waiterMethod } from "./waiters.ts";
import { locator } from "./models.ts";
import { type OperationTypes, operationTypes } from "./operation-types.ts";
import { createFile, type Statement } from "./statements.ts";
import { literal, operationDescriptor } from "./descriptor.ts";
import type { SchemaTyper } from "./schema-types.ts";
import { operationSignature, positionalArgs, type Signature } from "./signature.ts";

export const CORE_MODULE = "src/core/index.ts";

export function resourceFile(resource: Pick<ResourceInfo, "file">): string {
  return `src/resources/${resource.file}.ts`;
}

/** One line of prose: a JSDoc tag's text ends at its line. */
const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

function operationDoc(op: OperationInfo): string | undefined {
  // Positional arguments' descriptions are the only place a caller reads what each is.
  const params = positionalArgs(op)
    .filter((p) => p.description)
    .map((p) => `@param ${p.argName} - ${oneLine(p.description!)}`)
    .join("\n");
  return jsdocText([
    op.summary,
    op.description,
    `\`${op.method} ${op.path}\``,
    params || undefined,
    op.deprecated ? "@deprecated" : undefined,
  ]);
}

/** `return client.request({ ...descriptor }, [pathArgs], params, options);` */
export function callStatement(op: OperationInfo): string {
  const call = op.pagination ? "paginate" : "request";
  const pathArgs = positionalArgs(op)
    .map((p) => p.argName)
    .join(", ");
  const params = op.typeNames.params ? ARGS.params : "undefined";
  return `return ${ARGS.client}.${call}(${literal(operationDescriptor(op))}, [${pathArgs}], ${params}, ${ARGS.options});`;
}

function operationFunction(op: OperationInfo, signature: Signature): FunctionDeclarationStructure {
  return {
    kind: StructureKind.Function,
    name: op.functionName,
    isExported: true,
    docs: [operationDoc(op) ?? op.functionName],
    parameters: [{ name: ARGS.client, type: "Client" }, ...signature.parameters],
    returnType: signature.returnType,
    statements: callStatement(op),
  };
}

/**
 * The group class: one method per operation, forwarding to its function with
 * the class's client, then the deprecated methods of renamed operations.
 */
function groupClass(
  api: ApiModel,
  resource: ResourceInfo,
  signatures: ReadonlyMap<OperationInfo, Signature>,
  waiters: readonly [WaiterInfo, FunctionDeclarationStructure][],
): ClassDeclarationStructure {
  return {
    kind: StructureKind.Class,
    name: resource.className,
    isExported: true,
    docs: [`The ${resource.property} operations, bound to a client: \`client.${resource.property}.<method>\`.`],
    ctors: [{ parameters: [{ name: GROUP_CLIENT_FIELD, type: "Client", scope: Scope.Private, isReadonly: true }] }],
    methods: [
      ...resource.operations.map((op) => {
        const signature = signatures.get(op)!;
        const args = [`this.${GROUP_CLIENT_FIELD}`, ...signature.parameters.map((p) => p.name)];
        const doc = jsdocText([
          op.summary,
          `\`${op.method} ${op.path}\` (see {@link ${op.functionName}})`,
          op.deprecated ? "@deprecated" : undefined,
        ]);
        return {
          name: op.methodName,
          docs: doc ? [doc] : [],
          parameters: signature.parameters,
          returnType: signature.returnType,
          statements: `return ${op.functionName}(${args.join(", ")});`,
        };
      }),
      ...waiters.map(([w, fn]) => waiterMethod(w, fn, `this.${GROUP_CLIENT_FIELD}`)),
      ...aliasMethods(api, resource, (op) => signatures.get(op)!),
    ],
  };
}

function typeStatements(types: OperationTypes): Statement[] {
  return [types.body, types.params, types.response]
    .filter((t) => t !== undefined)
    .map((t) => namedType(t.name, t.type, t.doc));
}

export function emitResources(
  api: ApiModel,
  project: Project,
  typer: SchemaTyper,
  modelFiles: ReadonlyMap<string, string>,
): void {
  const locate = locator(modelFiles);
  for (const resource of api.resources) {
    const path = resourceFile(resource);
    const imports = new Map<string, string>([["Client", CORE_MODULE]]);
    const signatures = new Map<OperationInfo, Signature>();
    const statements: Statement[] = [];
    for (const op of resource.operations) {
      const types = operationTypes(op, typer);
      const signature = operationSignature(op, typer);
      signatures.set(op, signature);
      for (const uses of [...types.uses, signature.uses])
        for (const [name, file] of locate(uses)) imports.set(name, file);
      for (const name of signature.core) imports.set(name, CORE_MODULE);
      statements.push(...typeStatements(types), operationFunction(op, signature));
    }
    const waiters = resourceWaiters(api, resource, typer);
    for (const name of waiters.coreTypes) imports.set(name, CORE_MODULE);
    statements.push(
      ...waiters.waiters.map(([, fn]) => fn),
      groupClass(api, resource, signatures, waiters.waiters),
      ...aliasStatements(api, resource),
    );
    const file = createFile(project, path, statements);
    if (waiters.coreValues.length)
      file.addImportDeclaration({
        moduleSpecifier: relativeModule(path, CORE_MODULE),
        namedImports: waiters.coreValues,
      });
    file.addImportDeclarations(typeImports(path, imports));
  }
}
