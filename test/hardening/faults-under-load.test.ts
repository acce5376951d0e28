// 500 concurrent calls against a server that, seeded, delays, hangs, resets
// connections and answers 429 or 5xx. Every call must settle (a value or a
// typed error), a hung attempt must end by its timeout, no POST may reach the
// server again once the server may have acted on it, and afterwards no socket,
// timer, listener or client object may be left behind.
import { getEventListeners } from "node:events";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { expect, it } from "vitest";
import { startChaosServer, type Action, type ChaosServer } from "./support/chaos-server.ts";
import { sdk, TOKEN } from "./support/sdk.ts";

const SEED = 7;
const CALLS = 500;
const TIMEOUT_MS = 1500;
const MAX_RETRIES = 2;

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** Counts of the kinds of handle a leak would show up as. */
function handles(): Record<string, number> {
  const counts: Record<string, number> = { TCPSocketWrap: 0, TCPServerWrap: 0, Timeout: 0 };
  for (const kind of process.getActiveResourcesInfo()) if (kind in counts) counts[kind]!++;
  return counts;
}

/** Waits (bounded) for a condition that depends on sockets closing; returns whether it came true. */
async function eventually(condition: () => boolean): Promise<boolean> {
  for (let i = 0; i < 300 && !condition(); i++) await new Promise((r) => setTimeout(r, 20));
  return condition();
}

interface Outcome {
  id: string;
  method: "GET" | "POST";
  result: PromiseSettledResult<unknown>;
}

/** Runs the load in its own scope, so the client can be collected once it returns. */
async function runLoad(
  baseUrl: string,
  signal: AbortSignal | undefined,
): Promise<{ outcomes: Outcome[]; client: WeakRef<object> }> {
  const client = new sdk.DigitalOcean({
    token: TOKEN,
    baseUrl,
    timeout: TIMEOUT_MS,
    maxRetries: MAX_RETRIES,
    maxRetryDelay: 10,
  });
  const calls = Array.from({ length: CALLS }, (_, i) =>
    i % 2
      ? {
          id: `post-load-${i}`,
          method: "POST" as const,
          run: () => sdk.tagsCreate(client, { name: `load-${i}` }, { signal }),
        }
      : { id: `get-${i}`, method: "GET" as const, run: () => sdk.imagesGet(client, i, { signal }) },
  );
  const settled = await Promise.allSettled(calls.map((call) => call.run()));
  return {
    outcomes: calls.map(({ id, method }, i) => ({ id, method, result: settled[i]! })),
    client: new WeakRef(client),
  };
}

/** Every call settled with a value or a typed error, and the server saw what the retry rules allow. */
function checkOutcomes(outcomes: Outcome[], server: ChaosServer): void {
  const typed = new Set(["ConnectionError", "TimeoutError", "RateLimitError", "InternalServerError"]);
  const byName: Record<string, number> = {};
  for (const { id, method, result } of outcomes) {
    const actions: Action[] = server.arrivals.get(id) ?? [];
    expect(actions.length, id).toBeGreaterThan(0);
    expect(actions.length, id).toBeLessThanOrEqual(MAX_RETRIES + 1);
    if (result.status === "fulfilled") {
      expect((result.value as { id: string }).id).toBe(id);
      byName.ok = (byName.ok ?? 0) + 1;
    } else {
      const error = result.reason as Error;
      expect(error, id).toBeInstanceOf(sdk.DigitalOceanError);
      expect(typed.has(error.name), `${id}: ${error.name} ${error.message}`).toBe(true);
      byName[error.name] = (byName[error.name] ?? 0) + 1;
    }
    // A request the server never answered can only have been ended by the client's timeout.
    if (actions.at(-1) === "hang")
      expect((result as PromiseRejectedResult).reason, id).toBeInstanceOf(sdk.TimeoutError);
    // Once the server may have acted on a POST (anything but a 429), it must never see it again.
    if (method === "POST") {
      const acted = actions.findIndex((a) => a !== "429");
      expect(acted === -1 || acted === actions.length - 1, `${id}: ${actions.join(", ")}`).toBe(true);
    }
  }
  // The run exercised what it claims to: successes, the common failures, and retries. (Which typed
  // error a given call gets can depend on timing on a busy machine; that it gets one cannot.)
  for (const kind of ["ok", "ConnectionError", "TimeoutError", "InternalServerError"])
    expect(byName[kind], kind).toBeGreaterThan(0);
  expect(outcomes.some((o) => o.method === "GET" && server.arrivals.get(o.id)!.length > 1)).toBe(true);
}

/** How many requests the server never answered ("hang"), each on a connection of its own. */
const hungRequests = (server: ChaosServer) =>
  [...server.arrivals.values()].flat().filter((action) => action === "hang").length;

it.each([
  ["with a caller's signal", true],
  ["without one (fetch then gets no signal at all)", false],
])(
  `${CALLS} concurrent calls against a faulty server all settle, typed, without duplicate POSTs or leaks: %s`,
  async (_, withSignal) => {
    const before = handles();
    const server = await startChaosServer(SEED, (url, body) =>
      url.startsWith("/v2/tags") ? `post-${JSON.parse(body).name}` : `get-${url.split("/").pop()}`,
    );
    const caller = new AbortController();
    // A `let`, dropped after the checks: the errors' unformatted stack traces hold the client.
    let load: Awaited<ReturnType<typeof runLoad>> | undefined = await runLoad(
      server.url,
      withSignal ? caller.signal : undefined,
    );
    checkOutcomes(load.outcomes, server);
    const { client } = load;
    load = undefined;

    // Nothing is left listening on the caller's signal.
    expect(getEventListeners(caller.signal, "abort")).toHaveLength(0);
    // Every connection is closed by the client or idles out; with a signal, those of hung requests too.
    // Without one, a request the server never answers keeps its idle connection until the server
    // (or the runtime's own HTTP timeout, 300 s in Node) closes it: the documented price of not
    // handing fetch a signal. Every other connection still closes.
    const expectedOpen = withSignal ? 0 : hungRequests(server);
    expect(await eventually(() => server.openConnections() <= expectedOpen)).toBe(true);
    await server.close();
    // At most what there was before (the test runner's own timers may come and go).
    const leaked = () => Object.entries(handles()).filter(([kind, n]) => n > before[kind]!);
    await eventually(() => leaked().length === 0);
    expect(leaked()).toEqual([]);
    // No timer, listener or pool still holds the client.
    expect(
      await eventually(() => {
        gc();
        return client.deref() === undefined;
      }),
    ).toBe(true);
  },
);
