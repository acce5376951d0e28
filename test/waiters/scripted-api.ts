// The scripted API server and a client on it, as the waiter tests share them:
// one server per test file; per test, a clean script, cleared mocks, a fresh
// fake clock and a fresh client. The bindings are live: a test file imports
// `server` and `client` and sees each test's own.
import { afterAll, afterEach, beforeAll, beforeEach, vi } from "vitest";
import { Client, type ClientOptions, type RequestOptions } from "../../templates/runtime/client.ts";
import type { Operation } from "../../templates/runtime/operation.ts";
import { installClock } from "./fake-time.ts";
import { type ScriptedServer, type Step, startScriptedServer } from "./scripted-server.ts";

export const TOKEN = "secret-token";
export let server: ScriptedServer;
export let client: Client;

/** Registers the hooks; call once, at the top of a test file. */
export function useScriptedApi(): void {
  beforeAll(async () => {
    server = await startScriptedServer();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.reset();
    vi.clearAllMocks();
    installClock();
    client = new Client({ token: TOKEN, baseUrl: server.url });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  });
}

/** Replaces this test's client by one with other options. */
export function reconfigureClient(options: ClientOptions): void {
  client = new Client({ token: TOKEN, baseUrl: server.url, ...options });
}

/** Droplet 42, which the generic waiter tests poll: its body, its GET, and a script of its statuses. */
export type Body = { droplet?: { status?: string } };
export const getDroplet: Operation = { method: "GET", path: "/v2/droplets/{droplet_id}" };
export const poll = (o: RequestOptions) => client.request<Body>(getDroplet, [42], undefined, o);
export const status = (s: string, headers?: Record<string, string>): Step => ({
  body: { droplet: { status: s } },
  headers,
});
export const walk = (...steps: Step[]) => server.script("/v2/droplets/42", steps);
