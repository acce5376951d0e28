// The description of one API operation that generated functions hand to the
// client. Generated code declares only this (method, path, where each
// parameter goes, what comes back); every behaviour lives in the runtime.

export type HttpMethod = "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface Operation {
  readonly method: HttpMethod;
  /** Path template, e.g. "/v2/images/{image_id}". Placeholders are filled from the path arguments, in order. */
  readonly path: string;
  /** Keys of the params object that go into the query string. */
  readonly query?: readonly string[];
  /**
   * Query keys whose value is an object sent in OpenAPI's deepObject style
   * (`filter[region]=nyc3`). Absent: every query value must be a scalar, a
   * Date or an array of these, and an object is refused with ArgumentError.
   */
  readonly deepObject?: readonly string[];
  /** Keys of the params object that are sent as headers: params key -> header name. */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * Where the JSON request body comes from:
   * - "fields": every params key that is not a query or header key (object bodies, flattened);
   * - "body": the value of `params.body` (bodies that are not objects, or whose fields clash).
   * Absent: the operation has no request body.
   */
  readonly body?: "fields" | "body";
  /** The spec requires a body: with "fields" and no field given, `{}` is sent rather than no body. */
  readonly bodyRequired?: boolean;
  /** With body "fields": every body field the operation knows (a params key that is none of these, nor a query or header key, is unknown). */
  readonly fields?: readonly string[];
  /** With body "fields": the body fields that must be given. */
  readonly required?: readonly string[];
  /** With body "fields": the body takes fields it does not name, so unknown params keys go into it. */
  readonly open?: boolean;
  /** The request body's media type when it is not JSON: "application/octet-stream" (raw bytes) or "multipart/form-data". */
  readonly contentType?: string;
  /**
   * The operation's own server instead of the client's baseUrl, as the spec
   * writes it (the key of the client's `servers` option); `variables` fill its
   * `{name}`s from the first path arguments, in order.
   */
  readonly server?: { readonly url: string; readonly variables?: readonly string[] };
  /** The target is given at run time: the first path argument is the full URL, sent to verbatim. */
  readonly url?: true;
  /** The credential sent: "token" (default), "modelAccessKey", or null for none. */
  readonly auth?: "token" | "modelAccessKey" | null;
  /** The Accept header to send; default "application/json". */
  readonly accept?: string;
  /**
   * How to read a success response; default "json" (an empty or null body is then an InvalidResponseError).
   * "none" resolves to undefined whatever the body. "never": the spec
   * documents no success, so a 2xx is an InvalidResponseError too.
   */
  readonly response?: "json" | "text" | "binary" | "none" | "never";
  /** For paginated list operations: the key of the item array in the response body (a body without it is an InvalidResponseError). */
  readonly items?: string;
}
