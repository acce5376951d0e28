// The default User-Agent: the SDK and its version, then the runtime and its
// version where the runtime says so for certain (node/20.20.2, deno/2.1.4,
// bun/1.1.38). Browsers send their own: setting one there would make Firefox
// ask the API's CORS policy for permission, so none is added by default.
import { VERSION } from "./version.js";

interface Runtime {
  Deno?: { version: { deno: string } };
  Bun?: { version: string };
  process?: { versions?: { node?: string } };
  document?: unknown;
}

let sdk: string | undefined;

/** The User-Agent to send: the default with `extra` appended; undefined in a browser without `extra`. */
export function userAgent(extra: string | undefined): string | undefined {
  const g = globalThis as Runtime;
  if (!sdk) {
    sdk = `digitalocean-sdk/${VERSION}`;
    try {
      // Deno and Bun also define process.versions.node, so they are asked first.
      const node = g.process?.versions?.node;
      sdk += g.Deno ? ` deno/${g.Deno.version.deno}` : g.Bun ? ` bun/${g.Bun.version}` : node ? ` node/${node}` : "";
    } catch {
      // A runtime that guards its globals: the SDK's name alone.
    }
  }
  return extra ? `${sdk} ${extra}` : g.document === undefined ? sdk : undefined;
}
