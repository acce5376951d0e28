// DigitalOcean reports its rate-limit budget on every response; parsing it in
// one place lets raw responses, errors, the client and retry waits share it.

export interface RateLimit {
  /** Requests allowed in the current window. */
  limit: number;
  /** Requests left in the current window. */
  remaining: number;
  /** When the budget is next replenished. */
  reset: Date;
}

export function parseRateLimit(headers: Headers): RateLimit | undefined {
  // One lookup when the response has no budget (a proxy's error page, a mock server).
  const limit = headers.get("ratelimit-limit");
  const remaining = limit && headers.get("ratelimit-remaining");
  const reset = remaining && headers.get("ratelimit-reset");
  return reset ? { limit: +limit, remaining: +remaining, reset: new Date(+reset * 1000) } : undefined;
}
