// The names a multi-file spec gives its shared schemas: the fragment a `$ref`
// names (`droplet_actions.yml#/droplet_action_restore` -> droplet_action_restore)
// or, for a whole file, the file's name (`models/droplet.yml` -> droplet). These
// are the authors' choices, so they are what models are named after; where the
// bundle puts a schema never matters. When two schemas have one name (a
// `region.yml` in two resources), the one that lives in the resource of that
// name keeps it (`resources/regions/...` for region), then the most used; the
// others are qualified by their resource (`apps_region`), then by their file.
import { basename, dirname, relative, sep } from "node:path";
import { singular, splitWords } from "../naming/words.ts";

export interface Origin {
  /** Absolute file. */
  file: string;
  /** Pointer tokens inside the file; empty for a whole file. */
  tokens: string[];
  /** How many `$ref`s in the source files name it. */
  uses: number;
  /** A discriminator mapping names it. */
  mapped?: boolean;
}

const stem = (file: string) => basename(file).replace(/\.(ya?ml|json)$/i, "");
/** Names that would read the same as identifiers collide: "floating_ip" and "floatingIp". */
const comparable = (name: string) => splitWords(name).join("").toLowerCase();
/** A resource directory is home to the schema named after it: "regions" for region. */
const sameNoun = (a: string, b: string) =>
  splitWords(a).map(singular).join("").toLowerCase() === splitWords(b).map(singular).join("").toLowerCase();

/** The resource directory a file belongs to: `resources/<dir>/...`, else its first directory. */
function resourceOf(file: string, root: string): string {
  const parts = relative(root, dirname(file)).split(sep).filter(Boolean);
  const at = parts.indexOf("resources");
  return (at >= 0 ? parts[at + 1] : parts[0]) ?? "";
}

export function baseName(origin: Pick<Origin, "file" | "tokens">): string {
  return origin.tokens.length ? origin.tokens[origin.tokens.length - 1]! : stem(origin.file);
}

/** Origin id ("<file>#<pointer>") -> its unique origin name. */
export function originNames(
  origins: readonly Origin[],
  entry: string,
  idOf: (o: Origin) => string,
): Map<string, string> {
  const root = dirname(entry);
  const groups = new Map<string, Origin[]>();
  for (const origin of origins) {
    const key = comparable(baseName(origin));
    groups.set(key, [...(groups.get(key) ?? []), origin]);
  }
  const taken = new Set<string>();
  const names = new Map<string, string>();
  const claim = (origin: Origin, candidates: string[]) => {
    for (const candidate of candidates) {
      if (taken.has(comparable(candidate))) continue;
      taken.add(comparable(candidate));
      names.set(idOf(origin), candidate);
      return;
    }
    // Unreachable in practice: the relative path is unique.
    throw new Error(`cannot name the schema at ${idOf(origin)}`);
  };
  const path = (o: Origin) => relative(root, o.file) + (o.tokens.length ? `#/${o.tokens.join("/")}` : "");
  // Plain names first, over every group, so a qualified name never takes another schema's plain one.
  const sortedGroups = [...groups.values()].map((group) => {
    const home = (o: Origin) => (sameNoun(resourceOf(o.file, root), baseName(o)) ? 0 : 1);
    return [...group].sort((a, b) => home(a) - home(b) || b.uses - a.uses || path(a).localeCompare(path(b)));
  });
  for (const [first] of sortedGroups) claim(first!, [baseName(first!)]);
  for (const group of sortedGroups) {
    for (const origin of group.slice(1)) {
      const name = baseName(origin);
      const resource = resourceOf(origin.file, root);
      const qualified = comparable(name).startsWith(comparable(resource)) ? [] : [`${resource}_${name}`];
      const inFile = origin.tokens.length ? [`${stem(origin.file)}_${name}`] : [];
      claim(origin, [...qualified, ...inFile, `${resource}_${stem(origin.file)}_${name}`, path(origin)]);
    }
  }
  return names;
}
