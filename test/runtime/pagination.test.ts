// List operations: awaiting gives page one unchanged, iteration walks every
// page by re-issuing the same request with the next page number, and a next
// link can never redirect the client elsewhere or loop it forever.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import {
  InvalidResponseError,
  NotFoundError,
  PageLimitError,
  PagePromise,
  type Fetch,
} from "../../templates/runtime/index.ts";
import { clientFor, ops } from "./fixtures.ts";
import { json, startServer, type Received, type TestServer } from "./server.ts";

interface Droplet {
  id: number;
}
interface DropletsPage {
  droplets: Droplet[];
  links: { pages?: { next?: string } };
  meta: { total: number };
}

const ALL = [1, 2, 3, 4, 5].map((id) => ({ id }));
/** A well-behaved list whose next links point at another host and carry other params. */
const dropletPages = (req: Received) => {
  const q = new URL(req.url, "http://x").searchParams;
  const page = Number(q.get("page") ?? 1);
  const per = Number(q.get("per_page") ?? 20);
  const next =
    page * per < ALL.length
      ? { next: `https://evil.example.com/v2/droplets?page=${page + 1}&per_page=999&tag_name=evil` }
      : {};
  return json(200, {
    droplets: ALL.slice((page - 1) * per, page * per),
    links: { pages: next },
    meta: { total: ALL.length },
  });
};

let server: TestServer;
beforeAll(async () => {
  server = await startServer(dropletPages);
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  server.handle(dropletPages);
});

const fetched: string[] = [];
const recordingFetch: Fetch = (url, init) => {
  fetched.push(url);
  return fetch(url, init);
};
const list = (params?: object) =>
  clientFor(server, { fetch: recordingFetch }).paginate<DropletsPage, Droplet>(ops.listDroplets, [], params, undefined);

test("awaiting gives the first page's body unchanged, with one request", async () => {
  const page = await list({ per_page: 2 });
  expect(page).toEqual({
    droplets: [{ id: 1 }, { id: 2 }],
    links: { pages: { next: "https://evil.example.com/v2/droplets?page=2&per_page=999&tag_name=evil" } },
    meta: { total: 5 },
  });
  expect(server.requests).toHaveLength(1);
});

test("for await yields the items of every page; the next link only lends its page number", async () => {
  fetched.length = 0;
  const ids: number[] = [];
  for await (const d of list({ per_page: 2, tag_name: "web" })) ids.push(d.id);
  expect(ids).toEqual([1, 2, 3, 4, 5]);
  expect(server.requests.map((r) => r.url)).toEqual([
    "/v2/droplets?per_page=2&tag_name=web",
    "/v2/droplets?per_page=2&page=2&tag_name=web",
    "/v2/droplets?per_page=2&page=3&tag_name=web",
  ]);
  expect(fetched.every((u) => u.startsWith(server.url + "/"))).toBe(true);
});

test(".pages() yields each page body", async () => {
  const bodies: DropletsPage[] = [];
  for await (const body of list({ per_page: 2 }).pages()) bodies.push(body);
  expect(bodies.map((b) => b.droplets.map((d) => d.id))).toEqual([[1, 2], [3, 4], [5]]);
});

test("a PagePromise is an APIPromise: withResponse, and iterating after awaiting reuses page one", async () => {
  const pages = list({ per_page: 3 });
  expect(pages).toBeInstanceOf(PagePromise);
  expect(pages).toBeInstanceOf(Promise);
  const { data, response } = await pages.withResponse();
  expect(response.status).toBe(200);
  expect(data.droplets).toHaveLength(3);
  const ids: number[] = [];
  for await (const d of pages) ids.push(d.id);
  expect(ids).toEqual([1, 2, 3, 4, 5]);
  expect(server.requests).toHaveLength(2);
});

test("starts counting from the caller's page", async () => {
  const ids: number[] = [];
  for await (const d of list({ per_page: 2, page: 2 })) ids.push(d.id);
  expect(ids).toEqual([3, 4, 5]);
});

describe("stops", () => {
  const collect = async (bodies: unknown[]) => {
    server.reset();
    server.handle((_, i) => json(200, bodies[i] ?? { droplets: [{ id: 99 }] }));
    const ids: number[] = [];
    for await (const d of list({ per_page: 1 })) ids.push(d.id);
    return ids;
  };
  const page = (id: number, next?: string) => ({
    droplets: [{ id }],
    links: next === undefined ? {} : { pages: { next } },
  });

  test("when there is no next link", async () => {
    expect(await collect([page(1), page(2)])).toEqual([1]);
    expect(await collect([{ droplets: [{ id: 1 }] }])).toEqual([1]);
  });

  test("when the next link has no page number", async () => {
    expect(await collect([page(1, "https://api.digitalocean.com/v2/droplets?per_page=1")])).toEqual([1]);
    expect(await collect([page(1, "https://api.digitalocean.com/v2/droplets?page=")])).toEqual([1]);
    expect(await collect([page(1, "not a url at all ?page=x")])).toEqual([1]);
  });

  test("when the next page number does not advance", async () => {
    expect(await collect([page(1, "/v2/droplets?page=2"), page(2, "/v2/droplets?page=2")])).toEqual([1, 2]);
    expect(await collect([page(1, "/v2/droplets?page=1")])).toEqual([1]);
    expect(await collect([page(1, "/v2/droplets?page=3"), page(3, "/v2/droplets?page=2")])).toEqual([1, 3]);
  });

  test("at an empty page, even when its next link advances", async () => {
    server.reset();
    server.handle((_, i) =>
      json(200, { droplets: i === 0 ? [{ id: 1 }] : [], links: { pages: { next: `/v2/droplets?page=${i + 2}` } } }),
    );
    const ids: number[] = [];
    for await (const d of list({ per_page: 1 })) ids.push(d.id);
    expect(ids).toEqual([1]);
    expect(server.requests).toHaveLength(2);
  });

  test("at the last page links.pages.last names", async () => {
    server.reset();
    server.handle((_, i) =>
      json(200, {
        droplets: [{ id: i + 1 }],
        links: { pages: { next: `/v2/droplets?page=${i + 2}`, last: "/v2/droplets?page=3" } },
      }),
    );
    const ids: number[] = [];
    for await (const d of list({ per_page: 1 })) ids.push(d.id);
    expect(ids).toEqual([1, 2, 3]);
    expect(server.requests).toHaveLength(3);
  });

  test("once meta.total items have come, counting the pages before a first page of the caller's", async () => {
    server.reset();
    server.handle((req) => {
      const page = Number(new URL(req.url, "http://x").searchParams.get("page") ?? 1);
      return json(200, {
        droplets: [{ id: 2 * page - 1 }, { id: 2 * page }],
        links: { pages: { next: `/v2/droplets?page=${page + 1}` } },
        meta: { total: 6 },
      });
    });
    const ids: number[] = [];
    for await (const d of list({ per_page: 2 })) ids.push(d.id);
    expect(ids).toEqual([1, 2, 3, 4, 5, 6]);
    expect(server.requests).toHaveLength(3);
    server.reset();
    const later: number[] = [];
    for await (const d of list({ per_page: 2, page: 2 })) later.push(d.id);
    expect(later).toEqual([3, 4, 5, 6]);
    expect(server.requests).toHaveLength(2);
  });

  test("a server announcing pages forever meets maxPages (default 1000): PageLimitError, not silence", async () => {
    server.reset();
    server.handle((req) => {
      const page = Number(new URL(req.url, "http://x").searchParams.get("page") ?? 1);
      return json(200, { droplets: [{ id: page }], links: { pages: { next: `/v2/droplets?page=${page + 1}` } } });
    });
    const ids: number[] = [];
    const iterate = async (options?: { maxPages: number }) => {
      const pages = clientFor(server).paginate<DropletsPage, Droplet>(ops.listDroplets, [], {}, options);
      for await (const d of pages) ids.push(d.id);
    };
    const error = await iterate({ maxPages: 3 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PageLimitError);
    expect((error as Error).message).toContain("maxPages (3)");
    expect(ids).toEqual([1, 2, 3]);
    expect(server.requests).toHaveLength(3);

    server.reset();
    ids.length = 0;
    expect(await iterate().catch((e: unknown) => e)).toBeInstanceOf(PageLimitError);
    expect(server.requests).toHaveLength(1000);
  });

  test("maxPages set on the client, and Infinity for no cap", async () => {
    server.reset();
    server.handle((req) => {
      const page = Number(new URL(req.url, "http://x").searchParams.get("page") ?? 1);
      const next = page < 5 ? { next: `/v2/droplets?page=${page + 1}` } : {};
      return json(200, { droplets: [{ id: page }], links: { pages: next } });
    });
    const collect = async (maxPages: number) => {
      const ids: number[] = [];
      for await (const d of clientFor(server, { maxPages }).paginate<DropletsPage, Droplet>(ops.listDroplets, [], {}))
        ids.push(d.id);
      return ids;
    };
    await expect(collect(2)).rejects.toThrow(PageLimitError);
    expect(await collect(Number.POSITIVE_INFINITY)).toEqual([1, 2, 3, 4, 5]);
  });

  test("on an error, which iteration rethrows", async () => {
    server.handle((_, i) =>
      i === 0 ? json(200, page(1, "/v2/droplets?page=2")) : json(404, { id: "not_found", message: "gone" }),
    );
    const ids: number[] = [];
    const iterate = async () => {
      for await (const d of list()) ids.push(d.id);
    };
    await expect(iterate()).rejects.toThrow(NotFoundError);
    expect(ids).toEqual([1]);
  });
});

test("a page body without the items key, or with null, lists nothing (an API may leave empty lists out)", async () => {
  const next = { pages: { next: "https://api.digitalocean.com/v2/droplets?page=2" } };
  for (const body of [{ links: next }, { droplets: null, links: next }]) {
    server.reset();
    server.handle(() => json(200, body));
    const ids: number[] = [];
    for await (const d of list()) ids.push(d.id);
    expect(ids).toEqual([]);
    expect(server.requests).toHaveLength(1);
  }
});

test("a page body whose items key is not a list, or lacks a key the spec requires, is an InvalidResponseError, not a TypeError", async () => {
  const required = { ...ops.listDroplets, itemsRequired: true } as const;
  const cases: [object | string, typeof ops.listDroplets][] = [
    [[{ id: 1 }], ops.listDroplets],
    ["droplets", ops.listDroplets],
    [{ droplets: "none" }, ops.listDroplets],
    [{ droplets: {} }, ops.listDroplets],
    [{ links: {} }, required],
    [{ droplets: null }, required],
  ];
  for (const [body, op] of cases) {
    server.handle(() => json(200, body, { "x-request-id": "req-list" }));
    const iterate = async () => {
      const pages = clientFor(server).paginate<DropletsPage, Droplet>(op, [], undefined, undefined);
      for await (const _ of pages) void _;
    };
    const error = await iterate().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ status: 200, requestId: "req-list" });
    expect((error as Error).message).toBe('200 GET /v2/droplets: the response body has no "droplets" list');
  }
});
