// What every call returns: a promise of the parsed body that can also hand
// back the raw response, and for list operations iterate every page.
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

/** The `page` number in a body's links.pages.next, or 0 when there is none. Only the number is used, never the URL. */
function nextPage(body: unknown): number {
  const next = (body as { links?: { pages?: { next?: unknown } } } | null)?.links?.pages?.next;
  try {
    return typeof next === "string" ? Number(new URL(next, "http://x").searchParams.get("page")) : 0;
  } catch {
    return 0;
  }
}

/**
 * Awaiting gives the first page's body unchanged; `for await` yields the items
 * of every page; `.pages()` yields each page body. Later pages re-issue the same
 * operation with `page` set, against the configured base URL.
 */
export class PagePromise<T, Item> extends APIPromise<T> implements AsyncIterable<Item> {
  readonly #fetchPage: (page: number) => Promise<RawResponse<T>>;
  readonly #items: string;
  readonly #firstPage: number;

  constructor(
    first: Promise<RawResponse<T>>,
    fetchPage: (page: number) => Promise<RawResponse<T>>,
    items: string,
    firstPage: number,
  ) {
    super(first);
    this.#fetchPage = fetchPage;
    this.#items = items;
    this.#firstPage = firstPage;
  }

  async *pages(): AsyncGenerator<T, void, undefined> {
    let page = this.#firstPage;
    let body = (await this.withResponse()).data;
    for (;;) {
      yield body;
      const next = nextPage(body);
      // A next page that does not advance would loop forever.
      if (!(next > page)) return;
      page = next;
      body = (await this.#fetchPage(page)).data;
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    for await (const body of this.pages()) yield* (body as Record<string, Item[] | undefined>)[this.#items] ?? [];
  }
}
