// Request bodies that are not JSON. An operation that sends a form or raw
// bytes names formBody or bytesBody in its descriptor, so only apps that
// import such an operation bundle this code; the JSON path stays in
// build-request.ts.
import {
  absent,
  type Body,
  type BodyEncoding,
  EXTRA_BODY,
  isBinary,
  isObject,
  opName,
  type Params,
} from "./build-request.js";
import { ArgumentError } from "./errors.js";

/** A FormData of `given`'s fields and `extra`'s (files as they are, text as text, the rest as JSON), or `given` itself. */
function toForm(given: unknown, extra: Params | undefined): FormData {
  if (given instanceof FormData && !extra) return given;
  const form = new FormData();
  const add = (fields: Params | undefined) => {
    for (const k in fields) {
      const v = fields[k];
      if (!absent(v)) form.append(k, typeof v === "string" || v instanceof Blob ? v : JSON.stringify(v));
    }
  };
  if (given instanceof FormData)
    given.forEach((v, k) => {
      form.append(k, v);
    });
  else if (isObject(given)) add(given);
  else throw new ArgumentError("A multipart/form-data body must be an object of fields or a FormData");
  add(extra);
  return form;
}

/**
 * multipart/form-data: the fields (or a FormData of the caller's under
 * `body`) become a FormData; fetch sets the content type with its boundary.
 */
export const formBody: BodyEncoding = {
  isWhole: (given) => given instanceof FormData,
  wholeHint: "the FormData under `body` holds the fields",
  encode: (_, body, extra) => (body === undefined && !extra ? undefined : toForm(body ?? {}, extra)),
};

/** application/octet-stream: `body` is sent as the bytes it is; extraBody cannot extend it. */
export const bytesBody: BodyEncoding = {
  type: "application/octet-stream",
  encode(op, body, extra): Body | undefined {
    if (extra) throw new ArgumentError(EXTRA_BODY);
    if (body === undefined || isBinary(body)) return body;
    throw new ArgumentError(`The body of ${opName(op)} must be a Blob, ArrayBuffer, typed array or ReadableStream`);
  },
};
