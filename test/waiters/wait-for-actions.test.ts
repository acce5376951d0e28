// waitForActions against a scripted server: the several actions a by-tag
// operation starts are polled together, each round asking only for those
// still in progress; one errored action ends the wait; one maxWait and the
// rate budget (counted per request) cover the whole. On a fake clock.
import { describe, expect, test, vi } from "vitest";
import { ArgumentError, NotFoundError } from "../../templates/runtime/errors.ts";
import { sleep } from "../../templates/runtime/sleep.ts";
import type { WaitableAction } from "../../templates/runtime/wait-for-action.ts";
import { type ActionsState, waitForActions } from "../../templates/runtime/wait-for-actions.ts";
import { WaitError, WaitTimeoutError } from "../../templates/runtime/wait-errors.ts";
import type { WaitPoll } from "../../templates/runtime/wait.ts";
import { drive, T0 } from "./fake-time.ts";
import type { Step } from "./scripted-server.ts";
import { client, server, useScriptedApi } from "./scripted-api.ts";

vi.mock("../../templates/runtime/sleep.ts", async (orig) => ({
  sleep: vi.fn((await orig<typeof import("../../templates/runtime/sleep.ts")>()).sleep),
}));
const sleeps = () => vi.mocked(sleep).mock.calls.map((c) => c[0]);

useScriptedApi();

const action = (id: number, status: string): WaitableAction => ({
  id,
  status,
  type: "power_off",
  resource_id: 100 + id,
  resource_type: "droplet",
});
const walk = (id: number, statuses: string[], headers?: Record<string, string>) =>
  server.script(
    `/v2/actions/${id}`,
    statuses.map((s): Step => ({ body: { action: action(id, s) }, headers })),
  );
const paths = () => server.requests.map((r) => r.path);

describe("waitForActions", () => {
  test("from a by-tag response: each round polls the actions still in progress; resolves with all, in order", async () => {
    walk(1, ["in-progress", "completed"]);
    walk(2, ["in-progress", "in-progress", "completed"]);
    const started = { actions: [action(1, "in-progress"), action(2, "in-progress")] };
    const done = await drive(waitForActions(client, started), sleeps);
    expect(done).toEqual([action(1, "completed"), action(2, "completed")]);
    // Rounds: both, both (1 completes), then 2 alone.
    const rounds = paths();
    expect(rounds.slice(0, 2).sort()).toEqual(["/v2/actions/1", "/v2/actions/2"]);
    expect(rounds.slice(2, 4).sort()).toEqual(["/v2/actions/1", "/v2/actions/2"]);
    expect(rounds.slice(4)).toEqual(["/v2/actions/2"]);
    expect(sleeps()).toHaveLength(2);
  });

  test("from action ids and from an array of actions", async () => {
    walk(3, ["completed"]);
    walk(4, ["in-progress", "completed"]);
    expect(await drive(waitForActions(client, [3, 4]), sleeps)).toEqual([
      action(3, "completed"),
      action(4, "completed"),
    ]);
    server.reset();
    walk(5, ["completed"]);
    expect(await drive(waitForActions(client, [action(5, "in-progress"), action(6, "completed")]), sleeps)).toEqual([
      action(5, "completed"),
      action(6, "completed"),
    ]);
    expect(paths()).toEqual(["/v2/actions/5"]);
  });

  test("one action that ends errored rejects with WaitError: `action` the errored one, `data` all of them", async () => {
    walk(1, ["in-progress", "errored"]);
    walk(2, ["in-progress"]);
    const error = await drive(waitForActions(client, [1, 2]), sleeps).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitError);
    expect(error).toMatchObject({ state: "errored", attempts: 2, action: action(1, "errored") });
    expect((error as WaitError).data).toEqual([action(1, "errored"), action(2, "in-progress")]);
    expect((error as Error).message).toBe('waitForActions(1, 2): action 1 is "errored"');
  });

  test("actions passed in already finished settle without a request", async () => {
    const finished = [action(1, "completed"), action(2, "completed")];
    expect(await waitForActions(client, { actions: finished })).toEqual(finished);
    expect(await waitForActions(client, { actions: [] })).toEqual([]);
    const error = await waitForActions(client, [action(1, "errored"), action(2, "in-progress")]).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WaitError);
    expect((error as WaitError).action).toEqual(action(1, "errored"));
    expect(server.requests).toHaveLength(0);
  });

  test("one maxWait for the whole: WaitTimeoutError with the last state of every action", async () => {
    walk(1, ["in-progress"]);
    walk(2, ["completed"]);
    const error = await drive(
      waitForActions(client, [1, 2], { maxWait: 10_000, minDelay: 1000, maxDelay: 1000 }),
      sleeps,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(error).toMatchObject({ state: "in-progress" });
    expect((error as WaitTimeoutError<ActionsState<WaitableAction>>).data?.actions).toEqual([
      action(1, "in-progress"),
      action(2, "completed"),
    ]);
    expect(Date.now() - T0).toBe(10_000);
  });

  test("the rate budget counts each request: two actions in progress wait twice as long as one", async () => {
    // 10 requests left for the next 100 s: one request may go every 10 s, a round of two every 20 s.
    const budget = {
      "ratelimit-limit": "250",
      "ratelimit-remaining": "10",
      "ratelimit-reset": String(T0 / 1000 + 100),
    };
    walk(1, ["in-progress", "in-progress", "completed"], budget);
    walk(2, ["in-progress", "completed"], budget);
    await drive(waitForActions(client, [1, 2]), sleeps);
    expect(sleeps()).toEqual([20_000, 8000]);
  });

  test("onPoll sees each round: the overall status and every action", async () => {
    walk(1, ["in-progress", "completed"]);
    walk(2, ["completed"]);
    const polls: WaitPoll<ActionsState<WaitableAction>>[] = [];
    await drive(waitForActions(client, [1, 2], { onPoll: (p) => polls.push(p) }), sleeps);
    expect(polls.map((p) => [p.attempt, p.state, p.data?.actions.map((a) => a.status)])).toEqual([
      [1, "in-progress", ["in-progress", "completed"]],
      [2, "completed", ["completed", "completed"]],
    ]);
  });

  test("a poll that fails ends the wait with its error, without waiting for the others of its round", async () => {
    server.script("/v2/actions/1", [{ hang: true }]);
    const error = await drive(waitForActions(client, [1, 2]), sleeps).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
  });

  test.each([
    ["nothing", undefined],
    ["a response without actions", { action: action(1, "in-progress") }],
    ["an action without an id", [{ status: "in-progress" }]],
    ["an id that is not a number", ["7"]],
  ])("%s is an ArgumentError before anything is sent", async (_, input) => {
    await expect(waitForActions(client, input as never)).rejects.toBeInstanceOf(ArgumentError);
    expect(server.requests).toHaveLength(0);
  });
});
