// The built SDK as the hardening tests use it: the ESM build of generated/,
// loaded the way a consumer loads it, typed loosely so tests can also call it
// the way an untyped JavaScript caller might.
import * as built from "../../../generated/dist/esm/index.js";

export const sdk = built;
export const TOKEN = "dop_v1_hardening_token";

/** A client for a local server; no retries unless a test asks, so failures stay quick. */
export const clientFor = (baseUrl: string, options: Record<string, unknown> = {}) =>
  new sdk.DigitalOcean({ token: TOKEN, baseUrl, maxRetries: 0, ...options });

/** Calls a generated function with arguments its types would refuse. */
export const untyped = (fn: unknown) => fn as (...args: unknown[]) => Promise<unknown>;

/** The settled outcome of a call: its error, or the value wrapped so tests can tell them apart. */
export async function outcome(call: () => Promise<unknown>): Promise<unknown> {
  try {
    return { value: await call() };
  } catch (error) {
    return error;
  }
}
