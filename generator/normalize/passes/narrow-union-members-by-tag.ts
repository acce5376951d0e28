// Quirk: the spec's tagged unions say which member a tag selects only in a
// discriminator mapping (droplet actions: `reboot`, `power_off`, ... ->
// droplet_action; `restore` -> droplet_action_restore), while every member's
// own `type` property allows all fifteen tags, and the members extend one
// another (a restore action is a plain action plus `image`). JSON Schema
// validators (Prism, ajv) ignore discriminators, so a `oneOf` of them rejects
// every body ("must match exactly one schema"), and TypeScript unions of them
// cannot narrow: `{ type: "reboot", image: 5 }` type-checks as a restore.
// Each member that the mapping names is wrapped as
// `{ allOf: [member, { required: [tag], properties: { tag: { enum: [its tags] } } }] }`,
// which is what the mapping means, written so that every tool understands it:
// the members become disjoint, `oneOf` holds, and the generated union narrows.
// Members no mapping entry names are left as they are. Runs after
// hoist-shared-schemas, which points mappings and members at named models.
import type { NormalizePass } from "../pass.ts";
import { derefLocal } from "../../openapi.ts";
import { formatPointer, parsePointer } from "../../pointer.ts";
import { isObject, type JsonObject, walkDocument } from "./support/walk-document.ts";

/** The canonical pointer of the schema a member or mapping value stands for. */
function identity(doc: unknown, node: unknown): string | undefined {
  let current = node;
  let pointer: string | undefined;
  for (let hops = 0; isObject(current) && typeof current.$ref === "string" && hops < 32; hops++) {
    pointer = formatPointer(parsePointer(current.$ref));
    current = derefLocal(doc, { $ref: current.$ref });
  }
  return pointer;
}

export const narrowUnionMembersByTag: NormalizePass = {
  name: "narrow-union-members-by-tag",
  run(input, ctx) {
    const doc = structuredClone(input);
    walkDocument(doc, {
      schema(schema, at) {
        const discriminator = schema.discriminator;
        const keyword = Array.isArray(schema.oneOf) ? "oneOf" : Array.isArray(schema.anyOf) ? "anyOf" : undefined;
        if (!keyword || !isObject(discriminator) || !isObject(discriminator.mapping)) return;
        const property = discriminator.propertyName;
        if (typeof property !== "string") return;
        const tagsOf = new Map<string, string[]>();
        for (const [tag, target] of Object.entries(discriminator.mapping)) {
          if (typeof target !== "string") continue;
          const id = identity(doc, { $ref: target.startsWith("#") ? target : `#/components/schemas/${target}` });
          if (id) tagsOf.set(id, [...(tagsOf.get(id) ?? []), tag]);
        }
        const members = schema[keyword] as unknown[];
        members.forEach((member, i) => {
          const id = identity(doc, member);
          const tags = id && tagsOf.get(id);
          if (!tags) return;
          const constraint: JsonObject = {
            type: "object",
            required: [property],
            properties: { [property]: { type: "string", enum: [...tags].sort() } },
          };
          members[i] = { allOf: [member, constraint] };
          ctx.fixed(`member ${i} takes ${property} ${tags.join(", ")}`, formatPointer([...at, keyword, String(i)]));
        });
      },
    });
    return doc;
  },
};
