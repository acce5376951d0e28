// Quirk: a schema can hold `allOf` and a union (`oneOf`/`anyOf`) side by
// side, meaning "all of these, and one of those". An overlay of ours makes
// such a body (volume actions by name: `volume_name` beside the attach/detach
// union), and specs may too. openapi-typescript types the pair as one union
// of every part, so the allOf parts turn into alternatives and the required
// field can be left out. The union (with its discriminator) moves into the
// allOf as one more part, which is the same schema and types as an
// intersection. Refs into the union move along.
import type { NormalizePass } from "../pass.ts";
import { formatPointer } from "../../pointer.ts";
import { moveRefs } from "./support/refs.ts";
import { type JsonObject, walkDocument } from "./support/walk-document.ts";

const UNIONS = ["oneOf", "anyOf"] as const;

export const nestUnionBesideAllOf: NormalizePass = {
  name: "nest-union-beside-allof",
  run(input, ctx) {
    const doc = structuredClone(input);
    const moved: [string[], string[]][] = [];
    walkDocument(doc, {
      schema(schema: JsonObject, at) {
        if (!Array.isArray(schema.allOf)) return;
        const union = UNIONS.find((key) => Array.isArray(schema[key]));
        if (!union) return;
        const part: JsonObject = { [union]: schema[union] };
        delete schema[union];
        if (schema.discriminator !== undefined) {
          part.discriminator = schema.discriminator;
          delete schema.discriminator;
        }
        const index = schema.allOf.length;
        schema.allOf.push(part);
        moved.push([
          [...at, union],
          [...at, "allOf", String(index), union],
        ]);
        ctx.fixed(`${union} beside allOf -> one more allOf part`, formatPointer(at));
      },
    });
    for (const [from, to] of moved) moveRefs(doc, from, to);
    return doc;
  },
};
