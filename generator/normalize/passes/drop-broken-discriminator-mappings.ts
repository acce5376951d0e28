// Quirk: all 10 discriminators of the spec (the request bodies of
// domains_create_record, dropletActions_post(_byTag), floatingIPsAction_post,
// imageActions_post, reservedIPsActions_post, volumeActions_post(_byId), plus
// two base schemas inside the floating/reserved IP ones) carry 47 mapping
// entries that point at the YAML files the spec was bundled from
// (`models/droplet_actions.yml#/droplet_action`) or at pointers that do not
// exist (`#/floating_ip_action_assign`). Tools that follow a mapping fail on
// them. Dangling entries are dropped with a warning; the unions stay
// `oneOf`/`anyOf` of their members, so validation and the generated union
// types are unchanged.
//
// When no entry resolves, the whole discriminator goes too: a discriminator
// without mapping means "the value is the member schema's name", and this
// spec's inline members have no names (after hoisting they get invented ones),
// so keeping `propertyName` alone would make generators (openapi-typescript)
// narrow `type` to a wrong literal such as "FloatingIpActionAssign".
// Entries that do resolve in the document are kept: schema hoisting must
// rewrite them along with the `$ref`s, so this pass runs before hoisting.
//
// A `oneOf` whose discriminator is dropped becomes `anyOf`. The discriminator
// was what picked exactly one member; without it, "exactly one" is decided by
// structure, and members that extend one another (dropletActions_post_byTag:
// a snapshot action is a Droplet action plus an optional `name`) then match
// twice, so no request could ever be valid. The union type is the same. Refs
// that pointed into the `oneOf` (a bundler may park a shared member there,
// `.../oneOf/3`) move along to `anyOf`, so none is left dangling.
import type { NormalizePass } from "../pass.ts";
import { DocumentEditor } from "./support/edit.ts";
import type { OpenApiDocument } from "../../openapi.ts";
import { escapeToken, formatPointer } from "../../pointer.ts";
import { isLocalRef, moveRefs, resolveLocal } from "./support/refs.ts";
import { isObject, walkDocument } from "./support/walk-document.ts";

/** A mapping value is a local pointer or a bare schema name (short for `#/components/schemas/<name>`). */
function resolves(doc: OpenApiDocument, target: unknown): boolean {
  if (typeof target !== "string") return false;
  if (isLocalRef(target)) return resolveLocal(doc, target) !== undefined;
  return !/[/#]/.test(target) && resolveLocal(doc, `#/components/schemas/${escapeToken(target)}`) !== undefined;
}

export const dropBrokenDiscriminatorMappings: NormalizePass = {
  name: "drop-broken-discriminator-mappings",
  run(input, ctx) {
    const edit = new DocumentEditor(input);
    const renamed: string[][] = [];
    walkDocument(input, {
      schema(schema, at) {
        const discriminator = schema.discriminator;
        if (!isObject(discriminator) || !isObject(discriminator.mapping)) return;
        const where = formatPointer([...at, "discriminator"]);
        const mapping = discriminator.mapping;
        // Against the output so far: what this pass already renamed no longer resolves.
        const dropped = Object.entries(mapping).filter(([, target]) => !resolves(edit.result(), target));
        if (dropped.length === 0) return;
        for (const [value, target] of dropped) {
          ctx.warn(
            `discriminator mapping ${JSON.stringify(value)} -> ${JSON.stringify(target)} points at nothing in the document`,
            where,
          );
          delete edit.at([...at, "discriminator", "mapping"])[value];
        }
        if (dropped.length < Object.keys(mapping).length) {
          ctx.fixed(`dropped ${dropped.length} dangling discriminator mapping entries`, where);
        } else {
          const writable = edit.at(at);
          delete writable.discriminator;
          ctx.fixed(
            `dropped the discriminator on ${JSON.stringify(discriminator.propertyName)}: none of its ${dropped.length} mapping entries resolves`,
            where,
          );
          if (Array.isArray(schema.oneOf) && schema.anyOf === undefined) {
            writable.anyOf = schema.oneOf;
            delete writable.oneOf;
            renamed.push([...at]);
            ctx.fixed("the oneOf it governed is now anyOf: its members overlap", where);
          }
        }
      },
    });
    // Refs into a renamed `oneOf` (a shared member, `.../oneOf/3`) follow it to `anyOf`.
    for (const tokens of renamed) moveRefs(edit, [...tokens, "oneOf"], [...tokens, "anyOf"]);
    return edit.result();
  },
};
