// What every call returns: a promise of the parsed body that can also hand
// back the raw response, and for list operations iterate every page.
import { PageLimitError } from "./errors.js";
import { DEFAULT_MAX_PAGES } from "./options.js";
import type { RateLimit } from "./rate-limit.js";

export interface RawResponse<T> {
  data: T;
  /** The fetch Response; its body has already been read. */
  response: Response;
  rateLimit: RateLimit | undefined;
  requestId: string | undefined;
}

/**
 * A Promise of the parsed body. The request starts at once; the data promise
 * is derived only when someone awaits it, so using just `.withResponse()` (or
 * just iterating) never leaves a second, unobserved promise to reject.
 */
export class APIPromise<T> extends Promise<T> {
  // then/catch/finally must build plain Promises, never call our constructor.
  static override get [Symbol.species]() {
    return Promise;
  }
  readonly #raw: Promise<RawResponse<T>>;
  #data?: Promise<T>;

  constructor(raw: Promise<RawResponse<T>>) {
    super(() => {});
    this.#raw = raw;
  }

  /** Resolves to the body together with the response, its rate limit and request id. */
  withResponse(): Promise<RawResponse<T>> {
    return this.#raw;
  }

  // biome-ignore lint/suspicious/noThenProperty: an APIPromise is a Promise; then is what makes awaiting it lazy
  override then<A = T, B = never>(
    onfulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    this.#data ??= this.#raw.then((r) => r.data);
    return this.#data.then(onfulfilled, onrejected);
  }
}

type PageBody = {
  links?: { pages?: { next?: unknown; last?: unknown } };
  meta?: { total?: unknown };
} & Record<string, unknown>;

/** The `page` number in a pagination link, or 0 when there is none. Only the number is used, never the URL. */
function pageOf(link: unknown): number {
  try {
    return typeof link === "string" ? Number(new URL(link, "http://x").searchParams.get("page")) || 0 : 0;
  } catch {
    return 0;
  }
}

/**
 * Awaiting gives the first page's body unchanged; `for await` yields the items
 * of every page; `.pages()` yields each page body. Later pages re-issue the same
 * operation with `page` set, against the configured base URL. Iteration stops
 * at the last page, whichever way the body says so, and throws PageLimitError
 * rather than fetch more than `maxPages` pages.
 */
export class PagePromise<T, Item> extends APIPromise<T> implements AsyncIterable<Item> {
  readonly #fetchPage: (page: number) => Promise<RawResponse<T>>;
  readonly #items: string;
  readonly #firstPage: number;
  readonly #maxPages: number;

  constructor(
    first: Promise<RawResponse<T>>,
    fetchPage: (page: number) => Promise<RawResponse<T>>,
    items: string,
    firstPage: number,
    maxPages = DEFAULT_MAX_PAGES,
  ) {
    super(first);
    this.#fetchPage = fetchPage;
    this.#items = items;
    this.#firstPage = firstPage;
    this.#maxPages = maxPages;
  }

  async *pages(): AsyncGenerator<T, void, undefined> {
    let page = this.#firstPage;
    let body = (await this.withResponse()).data as PageBody;
    // Items so far, counting the pages before the first as if they were as full as it.
    let seen = 0;
    for (let fetched = 1; ; fetched++) {
      yield body as T;
      const count = (body[this.#items] as unknown[] | undefined)?.length ?? 0;
      seen += fetched === 1 ? page * count : count;
      const next = pageOf(body.links?.pages?.next);
      const last = pageOf(body.links?.pages?.last) || next;
      // A next page that does not advance would loop forever; an empty page, the last page
      // or the announced total all mean the list is done, whatever the next link says.
      if (!(next > page) || !count || page >= last || seen >= (body.meta?.total as number)) return;
      if (fetched >= this.#maxPages)
        throw new PageLimitError(`Stopped after maxPages (${this.#maxPages}) pages; more were announced`);
      page = next;
      body = (await this.#fetchPage(page)).data as PageBody;
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    for await (const body of this.pages()) yield* (body as Record<string, Item[] | undefined>)[this.#items] ?? [];
  }
}
