// The one place that decides identifiers. Every generated name is claimed
// here, in a deterministic order, so names are valid, readable and unique
// without hashes or numeric suffixes: a clash is settled by adding words the
// caller supplies (context such as the owning resource), never by counting.
import { RESERVED_GLOBALS, RESERVED_WORDS } from "./reserved.ts";

export class NameClashError extends Error {}

export class NameRegistry {
  private readonly taken = new Map<string, string>();

  /**
   * @param reserved names that are already in use in this scope (e.g. runtime exports).
   * @param scope "module" for top-level identifiers; "member" for property and
   *   method names, where reserved words such as `delete` are fine.
   */
  constructor(
    reserved: Iterable<string> = [],
    private readonly scope: "module" | "member" | "file" = "module",
  ) {
    for (const name of reserved) this.taken.set(this.key(name), "reserved");
  }

  /** File names must differ on case-insensitive file systems too. */
  private key(name: string): string {
    return this.scope === "file" ? name.toLowerCase() : name;
  }

  has(name: string): boolean {
    return this.taken.has(this.key(name));
  }

  /** Who claimed `name` ("reserved" for a name reserved up front), or undefined while it is free. */
  owner(name: string): string | undefined {
    return this.taken.get(this.key(name));
  }

  /**
   * Claims the first usable candidate, in order. A candidate is usable when it
   * is a valid identifier (one starting with a digit gets `prefix`), is not a
   * reserved word or global, and is not taken. `owner` is recorded for errors.
   */
  claim(candidates: readonly string[], owner: string, prefix = "_"): string {
    const clean = (raw: string) => (this.scope === "file" ? toFileStem(raw) : toIdentifier(raw, prefix));
    for (const raw of candidates) {
      if (!raw) continue;
      const name = clean(raw);
      const reserved = this.scope === "module" && (RESERVED_WORDS.has(name) || RESERVED_GLOBALS.has(name));
      if (reserved || this.taken.has(this.key(name))) continue;
      this.taken.set(this.key(name), owner);
      return name;
    }
    const tried = candidates.map(clean);
    throw new NameClashError(
      `cannot name ${owner}: every candidate is taken or reserved (${tried.join(", ")}; ` +
        tried.map((t) => `${t} is used by ${this.taken.get(this.key(t)) ?? "a reserved word"}`).join("; ") +
        "). Add an entry to spec/model-names.json.",
    );
  }
}

/** Makes a string a valid identifier: non-identifier characters dropped, a leading digit prefixed. */
export function toIdentifier(raw: string, prefix = "_"): string {
  const cleaned = raw.replace(/[^A-Za-z0-9_$]/g, "");
  if (cleaned === "") return prefix;
  return /^[0-9]/.test(cleaned) ? prefix + cleaned : cleaned;
}

/** A file name stem: lower-case letters, digits and single dashes. */
export function toFileStem(raw: string): string {
  return (
    raw
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "_"
  );
}
