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
import { DocumentEditor } from "./support/edit.ts";
import { movedPath, moveRefs } from "./support/refs.ts";
import { type JsonObject, walkDocument } from "./support/walk-document.ts";

const UNIONS = ["oneOf", "anyOf"] as const;

export const nestUnionBesideAllOf: NormalizePass = {
  name: "nest-union-beside-allof",
  run(input, ctx) {
    const edit = new DocumentEditor(input);
    const moved: [string[], string[]][] = [];
    walkDocument(input, {
      schema(found: JsonObject, at) {
        if (!Array.isArray(found.allOf)) return;
        const union = UNIONS.find((key) => Array.isArray(found[key]));
        if (!union) return;
        // A pair nested in a union moved earlier is found at its input place.
        const place = moved.reduce<readonly string[]>(
          (tokens, [from, to]) => movedPath(tokens, from, to) ?? tokens,
          at,
        );
        const schema = edit.at(place);
        const part: JsonObject = { [union]: schema[union] };
        delete schema[union];
        if (schema.discriminator !== undefined) {
          part.discriminator = schema.discriminator;
          delete schema.discriminator;
        }
        const index = (schema.allOf as unknown[]).length;
        schema.allOf = [...(schema.allOf as unknown[]), part];
        moved.push([
          [...at, union],
          [...place, "allOf", String(index), union],
        ]);
        ctx.fixed(`${union} beside allOf -> one more allOf part`, formatPointer(at));
      },
    });
    for (const [from, to] of moved) moveRefs(edit, from, to);
    return edit.result();
  },
};
