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
  /** How to read a success response; default "json". "none" resolves to undefined without reading a body. */
  readonly response?: "json" | "text" | "binary" | "none";
  /** For paginated list operations: the key of the item array in the response body. */
  readonly items?: string;
}
