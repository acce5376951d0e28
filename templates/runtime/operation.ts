// The description of one API operation that generated functions hand to the
// client. Generated code declares only this (method, path, where each
// parameter goes, what comes back); every behaviour lives in the runtime.
// Every field but method and path is optional: absent means the common case.
import type { BodyEncoding, Target } from "./build-request.js";
import type { StreamReader } from "./stream.js";

export type { BodyEncoding, Target } from "./build-request.js";

export type { StreamReader } from "./stream.js";

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
   * Where the request body comes from:
   * - "fields": the params keys named in `fields` (object bodies, flattened);
   * - "body": the value of `params.body` (bodies that are not objects, raw bytes, or whose fields clash).
   * Absent: the operation has no request body.
   */
  readonly body?: "fields" | "body";
  /**
   * Every field of a "fields" body. A params key that is none of these, nor a
   * query or header key, is an ArgumentError (unless `open`). Absent: every
   * such key is a body field, as if `open` were set.
   */
  readonly fields?: readonly string[];
  /** Body fields that must be given (not undefined): a missing one is an ArgumentError before sending. */
  readonly required?: readonly string[];
  /** The body takes fields the spec does not name: unknown params keys go into the body instead of being refused. */
  readonly open?: boolean;
  /**
   * The spec requires a body. With "fields" and no field given, `{}` is sent
   * rather than no body; with "body", a missing `params.body` is an ArgumentError.
   */
  readonly bodyRequired?: boolean;
  /**
   * How a body that is not JSON is sent: `formBody` (multipart/form-data: the
   * body fields become a FormData, or `params.body` is one, and fetch sets the
   * boundary) or `bytesBody` (application/octet-stream: `params.body` is a
   * Blob, ArrayBuffer, typed array or ReadableStream, sent as it is).
   * Referenced only by the operations that send one, so only apps that
   * import one bundle it. Absent: JSON.
   */
  readonly encoding?: BodyEncoding;
  /** The Content-Type of a body sent as JSON text under another media type; default "application/json". */
  readonly contentType?: string;
  /**
   * The operation's own server instead of the client's `baseUrl`, as the spec
   * writes it (`https://inference.do-ai.run`, `https://{agent_url}`). Each of
   * `variables` is filled from a path argument, before the path parameters'.
   * The `servers` client option maps `url` to a base URL of the caller's choice.
   */
  readonly server?: { readonly url: string; readonly variables?: readonly string[] };
  /**
   * The target is given at run time: the first path argument is the full
   * http(s) URL to send to (a presigned upload URL), used verbatim; `path` is not used.
   */
  readonly url?: true;
  /**
   * Sends to `server` (`serverTarget`) or to the URL given at run time
   * (`urlTarget`, with `url`) instead of the client's `baseUrl`. Referenced
   * only by such operations, so only apps that import one bundle it.
   */
  readonly target?: Target;
  /**
   * The credential to send as `Authorization: Bearer …`: "token" (the API
   * token, the default), "modelAccessKey" (the inference model access key),
   * or null for none at all.
   */
  readonly auth?: "token" | "modelAccessKey" | null;
  /**
   * The operation can answer text/event-stream: with `params.stream === true`
   * the call asks for it and resolves to a Stream of parsed events read by
   * this function (`readEventStream`). Referenced only by the operations that
   * stream, so only apps that import one bundle the parser.
   */
  readonly stream?: StreamReader;
  /** The Accept header to send; default "application/json". */
  readonly accept?: string;
  /**
   * How to read a success response; default "json" (an empty or null body is then an InvalidResponseError).
   * "none" resolves to undefined whatever the body. "never": the spec documents no success response
   * (only errors, e.g. 410 Gone), so a 2xx is an InvalidResponseError.
   */
  readonly response?: "json" | "text" | "binary" | "none" | "never";
  /**
   * For paginated list operations: the key of the item array in the response body. A page without
   * the key, or with null, lists nothing, unless the spec requires the key (`itemsRequired`): it is
   * then an InvalidResponseError, as is a key holding anything but an array.
   */
  readonly items?: string;
  readonly itemsRequired?: true;
}
