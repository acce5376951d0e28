// waitForAction against a scripted server: every accepted input form, the
// completed and errored ends, settling at once for finished actions, onPoll.
import { describe, expect, test, vi } from "vitest";
import { ArgumentError } from "../../templates/runtime/errors.ts";
import { sleep } from "../../templates/runtime/sleep.ts";
import type { WaitPoll } from "../../templates/runtime/wait.ts";
import { type WaitableAction, waitForAction } from "../../templates/runtime/wait-for-action.ts";
import { WaitError } from "../../templates/runtime/wait-errors.ts";
import { drive } from "./fake-time.ts";
import { client, server, useScriptedApi } from "./scripted-api.ts";

vi.mock("../../templates/runtime/sleep.ts", async (orig) => ({
  sleep: vi.fn((await orig<typeof import("../../templates/runtime/sleep.ts")>()).sleep),
}));
const sleeps = () => vi.mocked(sleep).mock.calls.map((c) => c[0]);

useScriptedApi();

const action = (status: string, id = 7): WaitableAction => ({
  id,
  status,
  type: "power_on",
  resource_id: 42,
  resource_type: "droplet",
});
const walk = (id: number, ...statuses: string[]) =>
  server.script(
    `/v2/actions/${id}`,
    statuses.map((s) => ({ body: { action: action(s, id) } })),
  );

describe("waitForAction", () => {
  test("by id: polls GET /v2/actions/{id} through the client until completed", async () => {
    walk(7, "in-progress", "in-progress", "completed");
    const done = await drive(waitForAction(client, 7), sleeps);
    expect(done).toEqual(action("completed"));
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(Array(3).fill("GET /v2/actions/7"));
    expect(server.requests.every((r) => r.authorization === "Bearer secret-token")).toBe(true);
  });

  test("from an action object and from a response like { action }", async () => {
    walk(8, "in-progress", "completed");
    expect(await drive(waitForAction(client, action("in-progress", 8)), sleeps)).toEqual(action("completed", 8));
    walk(9, "in-progress", "completed");
    expect(await drive(waitForAction(client, { action: action("in-progress", 9) }), sleeps)).toEqual(
      action("completed", 9),
    );
    expect(server.requests.map((r) => r.path)).toEqual([
      "/v2/actions/8",
      "/v2/actions/8",
      "/v2/actions/9",
      "/v2/actions/9",
    ]);
  });

  test("an action that ends errored rejects with WaitError carrying the action", async () => {
    walk(7, "in-progress", "errored");
    const error = await drive(waitForAction(client, 7), sleeps).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitError);
    expect(error).toMatchObject({
      name: "WaitError",
      state: "errored",
      attempts: 2,
      action: action("errored"),
      data: action("errored"),
    });
    expect((error as Error).message).toContain("waitForAction(7)");
  });

  test("an action passed in already finished settles without a request", async () => {
    await expect(waitForAction(client, action("completed"))).resolves.toEqual(action("completed"));
    const error = await waitForAction(client, { action: action("errored") }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitError);
    expect((error as WaitError).action).toEqual(action("errored"));
    expect(server.requests).toHaveLength(0);
  });

  test("onPoll sees every attempt and its state", async () => {
    walk(7, "in-progress", "in-progress", "completed");
    const polls: WaitPoll<WaitableAction>[] = [];
    await drive(waitForAction(client, 7, { onPoll: (p) => polls.push(p) }), sleeps);
    expect(polls.map((p) => [p.attempt, p.state, p.data?.status, p.notFound])).toEqual([
      [1, "in-progress", "in-progress", false],
      [2, "in-progress", "in-progress", false],
      [3, "completed", "completed", false],
    ]);
    expect(polls.map((p) => p.elapsed)).toEqual([0, sleeps()[0], sleeps()[0]! + sleeps()[1]!]);
  });

  test("input without an id is refused before anything is sent", async () => {
    await expect(waitForAction(client, {} as WaitableAction)).rejects.toBeInstanceOf(ArgumentError);
    await expect(waitForAction(client, { action: undefined })).rejects.toBeInstanceOf(ArgumentError);
    expect(server.requests).toHaveLength(0);
  });
});
