// A local HTTP server that walks each resource through a script of states:
// every GET of a path answers that path's next step, and the last step repeats
// (so a script can end in a state that never finishes). Requests are recorded
// with the (fake) clock's time of arrival.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface Step {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Never answer (until the server closes). */
  hang?: true;
}

export interface Seen {
  method: string;
  path: string;
  authorization: string | undefined;
  /** Date.now() on arrival: the fake clock's time. */
  at: number;
}

export interface ScriptedServer {
  url: string;
  requests: Seen[];
  /** Replace the script for a path; unscripted paths answer 404. */
  script(path: string, steps: Step[]): void;
  reset(): void;
  close(): Promise<void>;
}

export const notFound: Step = {
  status: 404,
  body: { id: "not_found", message: "The resource you were accessing could not be found." },
};

export async function startScriptedServer(): Promise<ScriptedServer> {
  const scripts = new Map<string, { steps: Step[]; next: number }>();
  const requests: Seen[] = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    requests.push({ method: req.method ?? "", path, authorization: req.headers.authorization, at: Date.now() });
    const script = scripts.get(path);
    const step = script ? script.steps[Math.min(script.next++, script.steps.length - 1)]! : notFound;
    if (step.hang) return;
    res.writeHead(step.status ?? 200, { "content-type": "application/json", ...step.headers });
    res.end(step.body === undefined ? "" : JSON.stringify(step.body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script: (path, steps) => void scripts.set(path, { steps, next: 0 }),
    reset: () => {
      scripts.clear();
      requests.splice(0);
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
