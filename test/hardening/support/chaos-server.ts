// A local server that misbehaves on purpose, reproducibly: what it does with
// a request is drawn from a PRNG seeded by (seed, request id, attempt), so a
// given id fails the same way on every run however requests interleave. It
// records every arrival per id and counts its open connections.
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export type Action = "ok" | "delay" | "slow-body" | "hang" | "reset" | "reset-mid-body" | "429" | "500" | "502" | "503";

/** Cumulative weights (out of 100) for each action. */
const WEIGHTS: [Action, number][] = [
  ["ok", 30],
  ["delay", 12],
  ["slow-body", 6],
  ["hang", 6],
  ["reset", 10],
  ["reset-mid-body", 6],
  ["429", 12],
  ["500", 6],
  ["502", 6],
  ["503", 6],
];

/** mulberry32: a tiny, well-known 32-bit PRNG; enough to scatter actions evenly. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

export function actionFor(seed: number, id: string, attempt: number): { action: Action; ms: number } {
  const random = prng(hash(`${seed}:${id}:${attempt}`));
  let roll = random() * 100;
  const ms = Math.floor(random() * 40);
  for (const [action, weight] of WEIGHTS) {
    roll -= weight;
    if (roll < 0) return { action, ms };
  }
  return { action: "ok", ms };
}

export interface ChaosServer {
  url: string;
  /** id -> the action taken on each arrival, in order. */
  arrivals: Map<string, Action[]>;
  openConnections(): number;
  close(): Promise<void>;
}

/** `idOf` reads the request id (from the path or the JSON body). */
export async function startChaosServer(
  seed: number,
  idOf: (url: string, body: string) => string,
): Promise<ChaosServer> {
  const arrivals = new Map<string, Action[]>();
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  };
  const answer = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    if (!res.destroyed)
      res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
  };
  const server = createServer(async (req, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    const id = idOf(req.url ?? "", body);
    const seen = arrivals.get(id) ?? [];
    arrivals.set(id, seen);
    const { action, ms } = actionFor(seed, id, seen.length);
    seen.push(action);
    switch (action) {
      case "ok":
        return answer(res, 200, { id });
      case "delay":
        return later(ms, () => answer(res, 200, { id }));
      case "slow-body": {
        res.writeHead(200, { "content-type": "application/json" }).write(`{"id":`);
        return later(ms, () => !res.destroyed && res.end(JSON.stringify(id) + "}"));
      }
      case "hang":
        return;
      case "reset":
        return void req.socket.destroy();
      case "reset-mid-body": {
        res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
        return void res.write(`{"id":`, () => req.socket.destroy());
      }
      case "429":
        return answer(res, 429, { id: "too_many_requests", message: "slow down" }, { "retry-after": "0" });
      default:
        return answer(res, Number(action), { id: "server_error", message: `failure ${action}` });
    }
  });
  server.keepAliveTimeout = 100; // idle keep-alive sockets close soon, so the open count can reach zero
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    arrivals,
    openConnections: () => sockets.size,
    close: () =>
      new Promise((resolve) => {
        for (const t of timers) clearTimeout(t);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
