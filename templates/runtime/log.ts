// Opt-in debug logging: one line per attempt, response, retry and failure,
// through any console-compatible logger. Lines carry method, URL, status,
// timing, attempt and request id; request headers appear only at "debug",
// and only with Authorization redacted. Never the token.
import { ConfigurationError } from "./errors.js";

export type LogLevel = "off" | "error" | "warn" | "info" | "debug";

/** Anything with console's four methods, e.g. console itself, pino or winston. */
export interface Logger {
  error(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  info(message: string, ...details: unknown[]): void;
  debug(message: string, ...details: unknown[]): void;
}

/** Index = verbosity: a line of level n is written when the configured verbosity is n or more. */
const LEVELS = ["off", "error", "warn", "info", "debug"] as const;
export const ERROR = 1;
export const WARN = 2;
export const INFO = 3;
export const DEBUG = 4;

/** The verbosity of a level name; `source` names the option or variable it came from. */
export function logVerbosity(level: unknown, source: string): number {
  const verbosity = LEVELS.indexOf(level as LogLevel);
  if (verbosity < 0) throw new ConfigurationError(`\`${source}\` must be one of ${LEVELS}, got "${level}"`);
  return verbosity;
}

/** Writes a line of `level` when the call's verbosity reaches it. */
export function log(
  call: { verbosity: number; options: { logger?: Logger | undefined } },
  level: number,
  message: string,
  ...details: object[]
): void {
  if (call.verbosity >= level)
    (call.options.logger ?? console)[LEVELS[level] as Exclude<LogLevel, "off">](
      "digitalocean-sdk: " + message,
      ...details,
    );
}
