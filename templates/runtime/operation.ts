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
  /** The Accept header to send; default "application/json". */
  readonly accept?: string;
  /**
   * How to read a success response; default "json" (an empty or null body is then an InvalidResponseError).
   * "none" resolves to undefined whatever the body.
   */
  readonly response?: "json" | "text" | "binary" | "none";
  /** For paginated list operations: the key of the item array in the response body (a body without it is an InvalidResponseError). */
  readonly items?: string;
}
