// Where a run's time goes, for the summary: each step of the pipeline, each
// normaliser pass, and each generated file (what emitting, formatting and
// declaring it took). Wall-clock milliseconds from performance.now().

export const STEPS = ["load", "normalise", "model", "emit", "format", "write", "build"] as const;
export type Step = (typeof STEPS)[number];

export interface RunTimings {
  /** Milliseconds per step, for the steps that ran. */
  steps: Partial<Record<Step, number>>;
  /** Milliseconds per normaliser pass, in the order they ran. */
  passes: { name: string; ms: number }[];
  /** Milliseconds per generated file (path under the package root), summed over the steps that touched it. */
  files: Map<string, number>;
}

export function newTimings(): RunTimings {
  return { steps: {}, passes: [], files: new Map() };
}

/** Runs `work` and adds its duration to `step`. */
export function timeStep<T>(timings: RunTimings, step: Step, work: () => T): T {
  const started = performance.now();
  try {
    return work();
  } finally {
    timings.steps[step] = (timings.steps[step] ?? 0) + performance.now() - started;
  }
}

/** Like timeStep, for a step that finishes later. */
export async function timeStepAsync<T>(timings: RunTimings, step: Step, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    timings.steps[step] = (timings.steps[step] ?? 0) + performance.now() - started;
  }
}

/** Adds `ms` to a file's total. */
export function addFileTime(files: Map<string, number>, path: string, ms: number): void {
  files.set(path, (files.get(path) ?? 0) + ms);
}

/** The `count` largest entries, largest first (ties by name, so the list is stable). */
export function slowest(entries: Iterable<readonly [string, number]>, count: number): [string, number][] {
  return [...entries].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)).slice(0, count) as [string, number][];
}
