// End-to-end smoke test of the generated SDK against a local HTTP server:
// the public API from the README, path encoding, headers and response kinds.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as sdk from "../../../generated/dist/esm/index.js";

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

let server: Server;
let baseUrl = "";
const seen: Seen[] = [];

function reply(url: string): { status: number; type?: string; body?: string } {
  if (url.startsWith("/v2/images/"))
    return {
      status: 200,
      type: "application/json",
      body: JSON.stringify({ image: { id: 7555620, slug: "ubuntu-22-04-x64" } }),
    };
  if (url.startsWith("/v2/droplets?"))
    return {
      status: 200,
      type: "application/json",
      body: JSON.stringify({ droplets: [{ id: 1 }], links: {}, meta: { total: 1 } }),
    };
  if (url.includes("/kubeconfig")) return { status: 200, type: "application/yaml", body: "apiVersion: v1\n" };
  if (url.endsWith("/csv")) return { status: 200, type: "text/csv", body: "a,b\n1,2\n" };
  if (url.endsWith("/pdf")) return { status: 200, type: "application/pdf", body: "%PDF-1.4" };
  return { status: 204 };
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      const r = reply(req.url!);
      res.writeHead(r.status, r.type ? { "content-type": r.type } : {});
      res.end(r.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const last = () => seen[seen.length - 1]!;

describe("the generated SDK end to end", () => {
  it("works as the README shows", async () => {
    const client = new sdk.DigitalOcean({ token: "secret-token", baseUrl, maxRetries: 0 });
    const { image } = await sdk.imagesGet(client, "ubuntu-22-04-x64");
    expect(image?.slug).toBe("ubuntu-22-04-x64");
    expect(last()).toMatchObject({ method: "GET", url: "/v2/images/ubuntu-22-04-x64" });
    expect(last().headers.authorization).toBe("Bearer secret-token");
    expect(last().headers.accept).toBe("application/json");

    await sdk.imagesGet(client, 7555620);
    expect(last().url).toBe("/v2/images/7555620");

    const page = await sdk.dropletsList(client, { per_page: 50, tag_name: "web" });
    expect(page.droplets).toEqual([{ id: 1 }]);
    expect(last().url).toBe("/v2/droplets?per_page=50&tag_name=web");

    expect(await sdk.tagsDelete(client, "old")).toBeUndefined();
    expect(last()).toMatchObject({ method: "DELETE", url: "/v2/tags/old" });

    await client.droplets.list({ per_page: 50 });
    expect(last().url).toBe("/v2/droplets?per_page=50");
  });

  it("encodes every path parameter as exactly one segment", async () => {
    const client = new sdk.Client({ token: "t", baseUrl, maxRetries: 0 });
    await sdk.registryDeleteRepositoryTag(client, "reg", "my/repo", "v1");
    expect(last().url).toBe("/v2/registry/reg/repositories/my%2Frepo/tags/v1");
    await sdk.registryDeleteRepositoryManifest(client, "reg", "my/repo", "sha256:abc");
    // As DigitalOcean documents it: "/" encoded, ":" (and "@") as they are.
    expect(last().url).toBe("/v2/registry/reg/repositories/my%2Frepo/digests/sha256:abc");
    await sdk.sshKeysDelete(client, "3b:16:bf:e4");
    expect(last().url).toBe("/v2/account/keys/3b:16:bf:e4");
  });

  it("sends header parameters as headers and JSON bodies on DELETE", async () => {
    const client = new sdk.Client({ token: "t", baseUrl, maxRetries: 0 });
    await sdk.dropletsDestroyWithAssociatedResourcesDangerous(client, 3164494, { "X-Dangerous": true });
    expect(last().headers["x-dangerous"]).toBe("true");
    await sdk.firewallsDeleteTags(client, "fw-1", { tags: ["frontend"] });
    expect(last()).toMatchObject({ method: "DELETE", body: JSON.stringify({ tags: ["frontend"] }) });
    expect(last().headers["content-type"]).toMatch(/application\/json/);
  });

  it("returns text for YAML and CSV and an ArrayBuffer for PDF, asking for each type", async () => {
    const client = new sdk.Client({ token: "t", baseUrl, maxRetries: 0 });
    expect(await sdk.kubernetesGetKubeconfig(client, "c1")).toBe("apiVersion: v1\n");
    expect(last().headers.accept).toBe("application/yaml");
    expect(await sdk.invoicesGetCsvByUuid(client, "u1")).toBe("a,b\n1,2\n");
    expect(last().headers.accept).toBe("text/csv");
    const pdf = await sdk.invoicesGetPdfByUuid(client, "u1");
    expect(pdf).toBeInstanceOf(ArrayBuffer);
    expect(new TextDecoder().decode(pdf)).toBe("%PDF-1.4");
    expect(last().headers.accept).toBe("application/pdf");
  });
});
