// The surface step of a generate run: api.json's text for the output, and the
// changes since the api.json the output directory holds now (read before the
// new output replaces it), for the run summary.
import type { ApiModel } from "../model/types.ts";
import { buildSurface, type SurfaceInput } from "./build-surface.ts";
import { type ApiDiff, diffSurfaces } from "./diff.ts";
import { previousSurface, serializeSurface } from "./surface-file.ts";
import type { Surface } from "./types.ts";

export type ApiChanges = { diff: ApiDiff } | { problem: string };

export interface SurfaceOutput {
  text: string;
  /** As written (parsed back), so the summary says exactly what `npm run api-diff` will say. */
  surface: Surface;
  /** Absent when the output directory holds no api.json yet. */
  changes?: ApiChanges;
}

/** Without `outDir` (a render in memory), there is nothing to compare with. */
export function surfaceOutput(api: ApiModel, input: SurfaceInput, outDir?: string): SurfaceOutput {
  const text = serializeSurface(buildSurface(api, input));
  const surface = JSON.parse(text) as Surface;
  const previous = outDir === undefined ? undefined : previousSurface(outDir);
  if (!previous) return { text, surface };
  if ("problem" in previous) return { text, surface, changes: previous };
  try {
    return { text, surface, changes: { diff: diffSurfaces(previous.surface, surface) } };
  } catch (error) {
    // The comparison only informs the summary: the run still succeeds and says why it could not compare.
    return {
      text,
      surface,
      changes: { problem: `comparing with the previous api.json failed: ${(error as Error).message}` },
    };
  }
}
