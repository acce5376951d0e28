import type ts from "typescript";

/** The module's declarations from its text alone, or undefined when it cannot be declared alone. */
export function declareAlone(path: string, text: string, options: ts.CompilerOptions): string | undefined;

/** Declarations of modules on disk through one program of them and what they import. */
export function declareByProgram(
  paths: string[],
  options: ts.CompilerOptions,
): { declarations: Record<string, string>; diagnostics: ts.Diagnostic[] };
