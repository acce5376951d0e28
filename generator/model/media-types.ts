// How a response media type is read back, and how a request body is sent.
import type { ResponseKind } from "./types.ts";

export function responseKind(mediaType: string): ResponseKind {
  const type = mediaType.split(";")[0]!.trim().toLowerCase();
  if (type === "application/json" || type.endsWith("+json")) return "json";
  if (type.startsWith("text/") || type.endsWith("yaml") || type.endsWith("+xml") || type === "application/xml")
    return "text";
  return "binary";
}

/** Prefer JSON when an operation offers several media types. */
export function preferredMediaType(types: readonly string[]): string | undefined {
  return types.find((t) => responseKind(t) === "json") ?? types[0];
}
