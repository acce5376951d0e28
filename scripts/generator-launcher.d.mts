/** What the compiled copy depends on: each source's path and bytes, and esbuild's version. */
export function sourcesHash(sourceDir: string): string;
/** Compiles `sourceDir` into `outDir` unless it already holds the compiled copy of these sources; true when it compiled. */
export function compileIfStale(sourceDir: string, outDir: string): Promise<boolean>;
