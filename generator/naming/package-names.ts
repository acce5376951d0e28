// Identifiers and file stems the emitted code declares by itself, rather than
// from the spec. The model reserves each in its scope before claiming names
// from the spec, and the emitters write them from here, so the two cannot
// drift apart.

/** The package's client class, `new DigitalOcean(...)`. */
export const CLIENT_CLASS = "DigitalOcean";

/** Arguments of every operation function besides its path parameters: `fn(client, ...path, params, options)`. */
export const ARGS = { client: "client", params: "params", options: "options" } as const;

/** The private field of every group class that holds its client (`this.client`). */
export const GROUP_CLIENT_FIELD = "client";

/** Members every object has, or that would make it a thenable. */
export const OBJECT_MEMBERS = ["constructor", "then"] as const;

/** src/models/<stem>.ts files that hold no resource's models. */
export const MODEL_FILES = {
  /** Models that three or more resources use directly. */
  shared: "common",
  /** The type helpers openapi-typescript declares (WithRequired). */
  helpers: "helpers",
} as const;

/**
 * The type helpers openapi-typescript may declare in the helpers file: a model
 * of the same name would clash with its import there.
 */
export const TYPE_HELPERS = ["WithRequired"] as const;
