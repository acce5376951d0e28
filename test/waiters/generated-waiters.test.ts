// Every generated waiter, from the built package (npm run generate builds it),
// against a scripted server: each walks its resource to the awaited state,
// the failure states and 404s end the right ones, and the README flows work.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import * as sdk from "../../generated/dist/esm/index.js";
import { sleep } from "../../generated/dist/esm/core/sleep.js";
import { drive, installClock } from "./fake-time.ts";
import { notFound, startScriptedServer, type ScriptedServer, type Step } from "./scripted-server.ts";

vi.mock("../../generated/dist/esm/core/sleep.js", async (orig) => ({
  sleep: vi.fn((await orig<typeof import("../../generated/dist/esm/core/sleep.js")>()).sleep),
}));
const sleeps = () => vi.mocked(sleep).mock.calls.map((c) => c[0]);

let server: ScriptedServer;
let client: sdk.DigitalOcean;
beforeAll(async () => {
  server = await startScriptedServer();
  client = new sdk.DigitalOcean({ token: "t", baseUrl: server.url });
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  vi.clearAllMocks();
  installClock();
});
afterEach(() => vi.useRealTimers());

type AnyWaiter = (client: sdk.Client, id: never) => Promise<unknown>;
interface Resource {
  id: number | string;
  url: string;
  /** The body GET answers when the resource is in `state`. */
  body: (state: string) => unknown;
}
const resources = {
  droplet: { id: 42, url: "/v2/droplets/42", body: (s) => ({ droplet: { id: 42, status: s } }) },
  image: { id: 7, url: "/v2/images/7", body: (s) => ({ image: { id: 7, status: s } }) },
  cluster: {
    id: "k1",
    url: "/v2/kubernetes/clusters/k1",
    body: (s) => ({ kubernetes_cluster: { id: "k1", status: { state: s, message: "" } } }),
  },
  database: { id: "db1", url: "/v2/databases/db1", body: (s) => ({ database: { id: "db1", status: s } }) },
  certificate: { id: "c1", url: "/v2/certificates/c1", body: (s) => ({ certificate: { id: "c1", state: s } }) },
  loadBalancer: {
    id: "lb1",
    url: "/v2/load_balancers/lb1",
    body: (s) => ({ load_balancer: { id: "lb1", status: s } }),
  },
  registryGc: {
    id: "reg",
    url: "/v2/registry/reg/garbage-collection",
    body: (s) => ({ garbage_collection: { uuid: "g1", status: s } }),
  },
} satisfies Record<string, Resource>;

function run(waiter: AnyWaiter, r: Resource, states: (string | Step)[]) {
  server.script(
    r.url,
    states.map((s) => (typeof s === "string" ? { body: r.body(s) } : s)),
  );
  return drive(waiter(client, r.id as never), sleeps);
}
const paths = () => [...new Set(server.requests.map((r) => `${r.method} ${r.path}`))];

describe("waiting for a state", () => {
  test.each([
    ["waitUntilDropletActive", sdk.waitUntilDropletActive, resources.droplet, ["new", "new", "active"]],
    ["waitUntilImageAvailable", sdk.waitUntilImageAvailable, resources.image, ["NEW", "pending", "available"]],
    [
      "waitUntilKubernetesClusterRunning",
      sdk.waitUntilKubernetesClusterRunning,
      resources.cluster,
      ["provisioning", "provisioning", "running"],
    ],
    ["waitUntilDatabaseOnline", sdk.waitUntilDatabaseOnline, resources.database, ["creating", "online"]],
    ["waitUntilCertificateVerified", sdk.waitUntilCertificateVerified, resources.certificate, ["pending", "verified"]],
    ["waitUntilLoadBalancerActive", sdk.waitUntilLoadBalancerActive, resources.loadBalancer, ["new", "active"]],
    [
      "waitUntilRegistryGarbageCollectionFinished",
      sdk.waitUntilRegistryGarbageCollectionFinished,
      resources.registryGc,
      ["requested", "scanning manifests", "succeeded"],
    ],
  ] as [string, AnyWaiter, Resource, string[]][])(
    "%s polls its GET until the awaited state",
    async (_, waiter, r, states) => {
      await expect(run(waiter, r, states)).resolves.toEqual(r.body(states.at(-1)!));
      expect(server.requests).toHaveLength(states.length);
      expect(paths()).toEqual([`GET ${r.url}`]);
    },
  );

  test.each([
    ["waitUntilDropletActive", sdk.waitUntilDropletActive, resources.droplet, "archive"],
    ["waitUntilImageAvailable", sdk.waitUntilImageAvailable, resources.image, "deleted"],
    ["waitUntilKubernetesClusterRunning", sdk.waitUntilKubernetesClusterRunning, resources.cluster, "error"],
    ["waitUntilCertificateVerified", sdk.waitUntilCertificateVerified, resources.certificate, "error"],
    ["waitUntilLoadBalancerActive", sdk.waitUntilLoadBalancerActive, resources.loadBalancer, "errored"],
    [
      "waitUntilRegistryGarbageCollectionFinished",
      sdk.waitUntilRegistryGarbageCollectionFinished,
      resources.registryGc,
      "failed",
    ],
  ] as [string, AnyWaiter, Resource, string][])("%s fails with WaitError on %s", async (name, waiter, r, state) => {
    const error = await run(waiter, r, ["new", state]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(sdk.WaitError);
    expect(error).toMatchObject({ state, data: r.body(state), attempts: 2 });
    expect((error as Error).message).toContain(`${name}(${r.id})`);
  });

  test("a waiter for a state fails with NotFoundError when the resource vanishes", async () => {
    await expect(run(sdk.waitUntilDatabaseOnline, resources.database, ["creating", notFound])).rejects.toBeInstanceOf(
      sdk.NotFoundError,
    );
  });

  test("a waiter that never sees its state times out with the last state", async () => {
    server.script(resources.database.url, [
      { body: resources.database.body("creating") },
      { body: resources.database.body("resizing") },
    ]);
    const error = await drive(sdk.waitUntilDatabaseOnline(client, "db1", { maxWait: 20_000 }), sleeps).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(sdk.WaitTimeoutError);
    expect(error).toMatchObject({ state: "resizing", elapsed: 20_000 });
  });
});

describe("waiting for a deletion", () => {
  test.each([
    ["waitUntilDropletDeleted", sdk.waitUntilDropletDeleted, resources.droplet, "active"],
    ["waitUntilImageDeleted", sdk.waitUntilImageDeleted, resources.image, "available"],
    ["waitUntilKubernetesClusterDeleted", sdk.waitUntilKubernetesClusterDeleted, resources.cluster, "deleting"],
    ["waitUntilDatabaseDeleted", sdk.waitUntilDatabaseDeleted, resources.database, "online"],
    ["waitUntilCertificateDeleted", sdk.waitUntilCertificateDeleted, resources.certificate, "verified"],
    ["waitUntilLoadBalancerDeleted", sdk.waitUntilLoadBalancerDeleted, resources.loadBalancer, "active"],
    [
      "waitUntilRegistryGarbageCollectionFinished",
      sdk.waitUntilRegistryGarbageCollectionFinished,
      resources.registryGc,
      "deleting unreferenced blobs",
    ],
  ] as [string, AnyWaiter, Resource, string][])("%s ends on the 404", async (_, waiter, r, before) => {
    await expect(run(waiter, r, [before, before, notFound])).resolves.toBeUndefined();
    expect(server.requests).toHaveLength(3);
    expect(paths()).toEqual([`GET ${r.url}`]);
  });

  test.each([
    ["waitUntilImageDeleted", sdk.waitUntilImageDeleted, resources.image],
    ["waitUntilKubernetesClusterDeleted", sdk.waitUntilKubernetesClusterDeleted, resources.cluster],
  ] as [string, AnyWaiter, Resource][])("%s also ends on the state deleted", async (_, waiter, r) => {
    await expect(run(waiter, r, ["deleting", "deleted"])).resolves.toEqual(r.body("deleted"));
  });
});

describe("the README flows", () => {
  test("create a Droplet and wait until it is active", async () => {
    server.script("/v2/droplets", [
      { status: 202, body: { droplet: { id: 42, status: "new" }, links: { actions: [] } } },
    ]);
    server.script("/v2/droplets/42", [
      { body: resources.droplet.body("new") },
      { body: resources.droplet.body("active") },
    ]);
    const created = await client.droplets.create({
      name: "web-1",
      region: "nyc3",
      size: "s-1vcpu-1gb",
      image: "ubuntu-24-04-x64",
    });
    if (!("droplet" in created)) throw new Error("expected one Droplet");
    const { droplet } = await drive(sdk.waitUntilDropletActive(client, created.droplet.id), sleeps);
    expect(droplet?.status).toBe("active");
  });

  test("run a Droplet action and wait for it", async () => {
    server.script("/v2/droplets/42/actions", [
      { status: 201, body: { action: { id: 9, status: "in-progress", type: "reboot" } } },
    ]);
    server.script("/v2/actions/9", [
      { body: { action: { id: 9, status: "in-progress", type: "reboot" } } },
      { body: { action: { id: 9, status: "completed", type: "reboot" } } },
    ]);
    const started = await client.dropletActions.post(42, { type: "reboot" });
    const polls: unknown[] = [];
    const action = await drive(
      sdk.waitForAction(client, started, { onPoll: ({ attempt, state }) => polls.push([attempt, state]) }),
      sleeps,
    );
    expect(action).toEqual({ id: 9, status: "completed", type: "reboot" });
    expect(polls).toEqual([
      [1, "in-progress"],
      [2, "completed"],
    ]);
  });

  test("create a Kubernetes cluster and wait until it is running", async () => {
    server.script("/v2/kubernetes/clusters", [{ status: 201, body: resources.cluster.body("provisioning") }]);
    server.script("/v2/kubernetes/clusters/k1", [
      { body: resources.cluster.body("provisioning") },
      { body: resources.cluster.body("running") },
    ]);
    const { kubernetes_cluster } = await client.kubernetes.createCluster({
      name: "prod",
      region: "nyc1",
      version: "1.31",
      node_pools: [{ name: "pool", size: "s-2vcpu-4gb", count: 3 }],
    });
    const ready = await drive(
      sdk.waitUntilKubernetesClusterRunning(client, kubernetes_cluster!.id!, { maxWait: 30 * 60_000 }),
      sleeps,
    );
    expect(ready.kubernetes_cluster?.status?.state).toBe("running");
  });
});
