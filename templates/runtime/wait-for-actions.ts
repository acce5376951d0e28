// Waiting for several actions at once, as the by-tag operations start them
// (`{ actions: [...] }`, one per Droplet): one waitUntil whose every poll asks
// for each action still in progress, in parallel, so that one maxWait, one
// signal and the rate budget (counted per request) cover the whole.
import { onAbort } from "./abort.js";
import type { Client, RequestOptions } from "./client.js";
import { ArgumentError } from "./errors.js";
import type { Operation } from "./operation.js";
import { type WaitOptions, waitUntil } from "./wait.js";
import type { WaitableAction } from "./wait-for-action.js";
import { WaitError } from "./wait-errors.js";

const getAction: Operation = { method: "GET", path: "/v2/actions/{action_id}" };

/** What one poll of several actions saw: "completed" once all are, "errored" once one is. */
export interface ActionsState<A> {
  status: "in-progress" | "completed" | "errored";
  /** The latest state of every action, in the order given. */
  actions: A[];
}

const statusOf = (actions: readonly WaitableAction[]): ActionsState<WaitableAction>["status"] =>
  actions.some((a) => a.status === "errored")
    ? "errored"
    : actions.every((a) => a.status === "completed")
      ? "completed"
      : "in-progress";

function actionsOf<A extends WaitableAction>(input: unknown): (A | number)[] {
  const list = Array.isArray(input) ? input : (input as { actions?: unknown } | null)?.actions;
  if (!Array.isArray(list))
    throw new ArgumentError("waitForActions needs a response with `actions`, or an array of actions or action ids");
  for (const item of list)
    if (typeof (typeof item === "number" ? item : (item as A | null)?.id) !== "number")
      throw new ArgumentError("waitForActions needs actions with an id, or action ids");
  return list;
}

/**
 * Waits for every action of a by-tag operation's response (`{ actions }`), or
 * of a list of actions or action ids, polling `GET /v2/actions/{action_id}`
 * for each one still in progress. Resolves with the completed actions, in the
 * order given. Rejects with WaitError (its `action` the errored one, its
 * `data` every action) as soon as one ends `errored`; with WaitTimeoutError
 * when `maxWait`, which covers the whole wait, runs out. Actions passed in
 * already finished need no request.
 */
export async function waitForActions<A extends WaitableAction = WaitableAction>(
  client: Client,
  actions: { actions?: A[] | undefined } | readonly (A | number)[],
  options: WaitOptions<ActionsState<A>> = {},
): Promise<A[]> {
  const list = actionsOf<A>(actions);
  let latest = list.map((item) => (typeof item === "number" ? ({ id: item } as A) : item));
  const ids = latest.map((a) => a.id!);
  const label = `waitForActions(${ids.slice(0, 5).join(", ")}${ids.length > 5 ? `, … ${ids.length} actions` : ""})`;
  const errored = (attempts: number, elapsed: number) => {
    const action = latest.find((a) => a.status === "errored")!;
    return new WaitError<unknown>(`${label}: action ${action.id} is "errored"`, {
      state: "errored",
      data: latest,
      action,
      attempts,
      elapsed,
    });
  };
  const unfinished = () => latest.filter((a) => a.status !== "completed" && a.status !== "errored");
  const first = statusOf(latest.filter((_, i) => typeof list[i] !== "number"));
  if (first === "errored") throw errored(0, 0);
  if (!unfinished().length) return latest;

  const poll = async (o: RequestOptions): Promise<ActionsState<A>> => {
    // One request failing ends the round: the others are called off rather than left running.
    const round = new AbortController();
    const off = onAbort(o.signal, () => round.abort(o.signal!.reason));
    const next = new Map<number, A>();
    try {
      await Promise.all(
        unfinished().map(async ({ id }) => {
          const got = await client.request<{ action?: A }>(getAction, [id], undefined, { signal: round.signal });
          if (got.action) next.set(id!, got.action);
        }),
      ).catch((error: unknown) => {
        round.abort(error);
        throw error;
      });
    } finally {
      off();
    }
    latest = latest.map((a) => next.get(a.id!) ?? a);
    return { status: statusOf(latest), actions: latest };
  };
  let attempts = 0;
  let elapsed = 0;
  const done = await waitUntil(
    client,
    poll,
    { path: "status", success: ["completed", "errored"], label, requestsPerPoll: () => unfinished().length },
    {
      ...options,
      onPoll: (p) => {
        attempts = p.attempt;
        elapsed = p.elapsed;
        options.onPoll?.(p);
      },
    },
  );
  if (done.status === "errored") throw errored(attempts, elapsed);
  return done.actions;
}
