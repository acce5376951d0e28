// openapi-typescript writes a reference to a named schema as the indexed
// access `components["schemas"]["X"]`. Every model is a named export here, so
// this visitor replaces each such node by a reference to the model's
// identifier, and notes what the type needs imported: the models it names and
// the helper types (WithRequired, ...) it uses.
import ts from "typescript";

export interface TypeUses {
  /** Identifiers of the models the type refers to. */
  models: Set<string>;
  /** Helper types it uses, by name. */
  helpers: Set<string>;
}

/** `X` when `node` is `components["schemas"]["X"]`. */
export function schemaKeyOf(node: ts.Node): string | undefined {
  if (!ts.isIndexedAccessTypeNode(node)) return undefined;
  const inner = node.objectType;
  if (!ts.isIndexedAccessTypeNode(inner) || literalText(inner.indexType) !== "schemas") return undefined;
  const root = inner.objectType;
  if (!ts.isTypeReferenceNode(root) || !ts.isIdentifier(root.typeName) || root.typeName.text !== "components")
    return undefined;
  return literalText(node.indexType);
}

function literalText(node: ts.TypeNode): string | undefined {
  return ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal) ? node.literal.text : undefined;
}

/**
 * Rewrites the model references in `type` (a new tree; the input is left as it
 * was) and reports the models and helpers the result uses.
 * @param modelName schema key -> the model's identifier; throws for a key that is no model.
 * @param helperNames the helper types openapi-typescript has declared so far.
 */
export function rewriteModelRefs(
  type: ts.TypeNode,
  modelName: (key: string) => string,
  helperNames: ReadonlySet<string> | ReadonlyMap<string, unknown>,
): { node: ts.TypeNode; uses: TypeUses } {
  const uses: TypeUses = { models: new Set(), helpers: new Set() };
  const visit = (node: ts.Node): ts.Node => {
    const key = schemaKeyOf(node);
    if (key !== undefined) {
      const name = modelName(key);
      uses.models.add(name);
      return ts.factory.createTypeReferenceNode(name);
    }
    if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName) && helperNames.has(node.typeName.text))
      uses.helpers.add(node.typeName.text);
    return ts.visitEachChild(node, visit, undefined);
  };
  return { node: visit(type) as ts.TypeNode, uses };
}
