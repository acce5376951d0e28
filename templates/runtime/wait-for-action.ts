// Waiting for any action (Droplet, image, volume, floating and reserved IP
// actions alike): one waitUntil over GET /v2/actions/{action_id}, with the
// action's own end states, and an already finished action settled at once.
import type { Client, RequestOptions } from "./client.js";
import { ArgumentError } from "./errors.js";
import type { Operation } from "./operation.js";
import { type WaitOptions, type WaitPoll, waitUntil } from "./wait.js";
import { WaitError } from "./wait-errors.js";

/** The fields of an action that waiting needs; the generated `Action` model satisfies it. */
export interface WaitableAction {
  id?: number;
  status?: string;
  type?: string;
  started_at?: string;
  completed_at?: string | null;
  resource_id?: number | null;
  resource_type?: string;
  region_slug?: string | null;
}

const getAction: Operation = { method: "GET", path: "/v2/actions/{action_id}" };

function actionOf<A extends WaitableAction>(
  input: A | number | { action?: A | undefined },
): { id: number; action?: A } {
  if (typeof input === "number") return { id: input };
  const action = input && typeof input === "object" && "action" in input ? input.action : (input as A | undefined);
  const id = action?.id;
  if (typeof id !== "number")
    throw new ArgumentError("waitForAction needs an action, an action id, or a response with `action`");
  return { id, action };
}

function erroredAction<A>(label: string, action: A, attempts: number, elapsed: number): WaitError<A> {
  return new WaitError(`${label}: status is "errored"`, { state: "errored", data: action, action, attempts, elapsed });
}

/**
 * Waits for any action (Droplet, image, volume, floating and reserved IP
 * actions alike) by polling `GET /v2/actions/{action_id}` until it leaves
 * `in-progress`. Accepts the action, its id, or a response like `{ action }`.
 * Resolves with the completed action; rejects with WaitError (its `action` set)
 * when the action ends `errored`. An action passed in that has already finished
 * is settled at once, without a request.
 */
export async function waitForAction<A extends WaitableAction = WaitableAction>(
  client: Client,
  actionOrId: A | number | { action?: A | undefined },
  options: WaitOptions<A> = {},
): Promise<A> {
  const { id, action } = actionOf(actionOrId);
  const label = `waitForAction(${id})`;
  if (action?.status === "completed") return action;
  if (action?.status === "errored") throw erroredAction(label, action, 0, 0);
  const poll = async (o: RequestOptions) =>
    (await client.request<{ action?: A }>(getAction, [id], undefined, o)).action;
  let last: WaitPoll<A | undefined> | undefined;
  const onPoll = (p: WaitPoll<A | undefined>) => {
    last = p;
    options.onPoll?.(p as WaitPoll<A>);
  };
  // Both end states stop the poll; an errored one becomes a WaitError carrying the action.
  const done = (await waitUntil(
    client,
    poll,
    { path: "status", success: ["completed", "errored"], label },
    { ...options, onPoll },
  ))!;
  if (done.status === "errored") throw erroredAction(label, done, last!.attempt, last!.elapsed);
  return done;
}
