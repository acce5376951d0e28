// Deprecated aliases for renamed operations (spec/renames.json), declared in
// the resource file of the operation they stand for: the old function as a
// const of the new one, the old types as type aliases, the old grouped method
// as a method with the new one's signature. Built from the model and the
// signatures the resource's methods are built from; nothing is read back.
import { type MethodDeclarationStructure, type OptionalKind, StructureKind, VariableDeclarationKind } from "ts-morph";
import type { AliasInfo, ApiModel, OperationInfo, ResourceInfo } from "../model/types.ts";
import { jsdocText } from "./docs.ts";
import type { Signature } from "./signature.ts";
import type { Statement } from "./statements.ts";

function deprecation(alias: AliasInfo, link: string): string {
  return jsdocText([
    `@deprecated Renamed to {@link ${link}}: the operation \`${alias.fromOperationId}\` is now \`${alias.operationId}\`. This name will be removed in a future major version.`,
  ])!;
}

function aliasesOf(api: ApiModel, resource: ResourceInfo): AliasInfo[] {
  const ids = new Set(resource.operations.map((op) => op.operationId));
  return api.aliases.filter((alias) => ids.has(alias.operationId));
}

/** The old functions (as consts) and types of the resource's renamed operations, in the model's order. */
export function aliasStatements(api: ApiModel, resource: ResourceInfo): Statement[] {
  return aliasesOf(api, resource).flatMap((alias): Statement[] => {
    const docs = [deprecation(alias, alias.target)];
    if (alias.kind === "function")
      return [
        {
          kind: StructureKind.VariableStatement,
          isExported: true,
          declarationKind: VariableDeclarationKind.Const,
          // Typed, so the declaration file is written from this file alone (isolated declarations).
          declarations: [{ name: alias.name, type: `typeof ${alias.target}`, initializer: alias.target }],
          docs,
        },
      ];
    if (alias.kind === "type")
      return [{ kind: StructureKind.TypeAlias, name: alias.name, type: alias.target, isExported: true, docs }];
    return [];
  });
}

/** The old grouped methods: the current method's signature, forwarding to it. */
export function aliasMethods(
  api: ApiModel,
  resource: ResourceInfo,
  signatureOf: (op: OperationInfo) => Signature,
): OptionalKind<MethodDeclarationStructure>[] {
  return aliasesOf(api, resource)
    .filter((alias) => alias.kind === "method")
    .map((alias) => {
      const op = resource.operations.find((o) => o.operationId === alias.operationId)!;
      const { parameters, returnType, overloads } = signatureOf(op);
      const docs = [deprecation(alias, `${resource.className}.${alias.target}`)];
      return {
        name: alias.name,
        // The same forms as the current method; with overloads, each carries the deprecation.
        overloads: overloads.map((form) => ({ docs, ...form })),
        parameters,
        returnType,
        statements: `return this.${alias.target}(${parameters.map((p) => p.name).join(", ")});`,
        docs: overloads.length ? [] : docs,
      };
    });
}
