// openapi-typescript aborts on the pinned spec: 47 discriminator mappings point
// at JSON pointers that do not exist in the document (leftovers of the split
// YAML it was bundled from). Its benchmark input is a copy with exactly those
// mapping entries removed; everything else is left as it is.
type Json = unknown;

function resolvePointer(doc: Json, ref: string): Json {
  if (!ref.startsWith("#/")) return undefined;
  let node: Json = doc;
  for (const raw of ref.slice(2).split("/")) {
    const key = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    if (node === null || typeof node !== "object" || !(key in node)) return undefined;
    node = (node as Record<string, Json>)[key];
  }
  return node;
}

/** A deep copy of doc without the discriminator mapping entries that resolve to nothing, and how many went. */
export function withoutDanglingMappings(doc: Json): { doc: Json; removed: number } {
  const copy = structuredClone(doc);
  let removed = 0;
  const visit = (node: Json): void => {
    if (node === null || typeof node !== "object") return;
    const d = (node as { discriminator?: { mapping?: Record<string, string> } }).discriminator;
    if (d?.mapping && typeof d.mapping === "object") {
      for (const [key, ref] of Object.entries(d.mapping))
        if (resolvePointer(copy, ref) === undefined) {
          delete d.mapping[key];
          removed++;
        }
      if (!Object.keys(d.mapping).length) delete d.mapping;
    }
    for (const child of Object.values(node)) visit(child);
  };
  visit(copy);
  return { doc: copy, removed };
}
