// Deprecated aliases for renamed operations (spec/renames.json), added to the
// resource file of the operation they stand for: the old function as a const
// of the new one, the old types as type aliases, the old grouped method as a
// method with the new one's parameters. Runs after emitResources.
import { type Project, VariableDeclarationKind } from "ts-morph";
import type { ApiModel } from "../model/types.ts";
import { jsdocText } from "./docs.ts";
import { resourceFile } from "./operations.ts";

export function emitAliases(api: ApiModel, project: Project): void {
  for (const alias of api.aliases) {
    const op = api.operations.find((o) => o.operationId === alias.operationId)!;
    const resource = api.resources.find((r) => r.property === op.resource)!;
    const file = project.getSourceFileOrThrow(resourceFile(resource));
    const doc = (link: string) =>
      jsdocText([
        `@deprecated Renamed to {@link ${link}}: the operation \`${alias.fromOperationId}\` is now \`${alias.operationId}\`. This name will be removed in a future major version.`,
      ])!;
    if (alias.kind === "function") {
      file.addVariableStatement({
        isExported: true,
        declarationKind: VariableDeclarationKind.Const,
        declarations: [{ name: alias.name, initializer: alias.target }],
        docs: [doc(alias.target)],
      });
    } else if (alias.kind === "type") {
      file.addTypeAlias({ name: alias.name, type: alias.target, isExported: true, docs: [doc(alias.target)] });
    } else {
      const group = file.getClassOrThrow(resource.className);
      const target = group.getMethodOrThrow(alias.target);
      const params = target.getParameters().map((p) => p.getStructure());
      group.addMethod({
        name: alias.name,
        parameters: params,
        returnType: target.getReturnTypeNodeOrThrow().getText(),
        statements: `return this.${alias.target}(${params.map((p) => p.name).join(", ")});`,
        docs: [doc(`${resource.className}.${alias.target}`)],
      });
    }
  }
}
