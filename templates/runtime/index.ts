// The public surface of the runtime core, re-exported by the generated package.
export { Client } from "./client.js";
export type { ClientOptions, RequestOptions, RequestHookInfo, ResponseHookInfo, Fetch } from "./client.js";
export type { LogLevel, Logger } from "./log.js";
export { APIPromise, PagePromise } from "./api-promise.js";
export type { RawResponse } from "./api-promise.js";
export type { RateLimit } from "./rate-limit.js";
export type { Operation, HttpMethod, StreamReader, BodyEncoding, Target } from "./operation.js";
export { formBody, bytesBody } from "./bodies.js";
export { serverTarget, urlTarget } from "./targets.js";
export { Stream, StreamError, readEventStream, eventStreamParser } from "./stream.js";
export type { ServerSentEvent } from "./stream.js";
export { VERSION } from "./version.js";
export {
  DigitalOceanError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  UnprocessableEntityError,
  RateLimitError,
  InternalServerError,
  ConnectionError,
  TimeoutError,
  ConfigurationError,
  ArgumentError,
  InvalidResponseError,
  RedirectError,
  PageLimitError,
} from "./errors.js";
export type { ErrorDetails } from "./errors.js";
export * from "./wait.js";
export * from "./wait-for-action.js";
export * from "./wait-for-actions.js";
