// Error responses through the SDK: for every tag, Prism is asked (`Prefer:
// code=…`) for each documented 401, 404, 429 and 500, and the call must
// reject with the matching typed error carrying the API's id and message
// from the spec's example body.
import { describe, expect, inject, test } from "vitest";
import * as sdk from "../../generated/dist/esm/index.js";
import type { OpenApiDocument } from "../../generator/openapi.ts";
import { isRef } from "../../generator/openapi.ts";
import { callArguments } from "./support/arguments.ts";
import { callOperation, contractClient, describeFailure } from "./support/call-operation.ts";
import { contractOperations, loadSpec, tagOf, type ContractOperation } from "./support/contract-spec.ts";
import { examplesOf } from "./support/sample-value.ts";

const STATUSES = [
  [401, sdk.AuthenticationError],
  [404, sdk.NotFoundError],
  [429, sdk.RateLimitError],
  [500, sdk.InternalServerError],
] as const;

interface ErrorExample {
  id: string;
  message: string;
  request_id?: string;
}

/** The documented JSON example of an operation's error response, when it has an id and a message. */
function errorExample(doc: OpenApiDocument, op: ContractOperation, status: number): ErrorExample | undefined {
  const response = op.raw.responses?.[String(status)];
  if (!response || isRef(response)) return undefined;
  const media = response.content?.["application/json"];
  if (!media) return undefined;
  const [example] = examplesOf(doc, {
    example: media.example,
    examples: media.examples as Record<string, unknown>,
    schema: media.schema,
  });
  const e = example as Partial<ErrorExample> | undefined;
  return typeof e?.id === "string" && typeof e.message === "string" ? (e as ErrorExample) : undefined;
}

const doc = loadSpec(inject("contractSpecPath"));
const operations = contractOperations(doc);
const tags = [...new Set(operations.map(tagOf))];

for (const tag of tags) {
  // Operations without a request body first: the error mapping is under test here, not body building.
  const inTag = operations
    .filter((op) => tagOf(op) === tag)
    .sort((a, b) => Number(!!a.info.body) - Number(!!b.info.body));
  describe.concurrent(`error statuses: ${tag}`, () => {
    test("the tag documents 401, 429 and 500 with example bodies", () => {
      for (const [status] of STATUSES.filter(([s]) => s !== 404))
        expect(
          inTag.some((op) => errorExample(doc, op, status)),
          `no ${status} example in ${tag}`,
        ).toBe(true);
    });
    for (const [status, ErrorClass] of STATUSES) {
      const op = inTag.find((o) => errorExample(doc, o, status));
      // 404 is not documented for every tag (list-only resources such as Sizes).
      if (!op) continue;
      const example = errorExample(doc, op, status)!;
      test(`${status} -> ${ErrorClass.name} via ${op.info.functionName}`, async () => {
        const { client, sent } = contractClient(inject("contractBaseUrl"));
        const outcome = await callOperation(client, op, callArguments(doc, op), { Prefer: `code=${status}` }).then(
          (result) => ({ result }),
          (error: unknown) => ({ error }),
        );
        if (!("error" in outcome))
          return expect.fail(
            `${op.info.functionName} resolved with status ${outcome.result.status}, expected a ${status} error`,
          );
        const { error } = outcome;
        if (!(error instanceof ErrorClass)) return expect.fail(describeFailure(op, sent, error));
        expect(error.status).toBe(status);
        expect(error.id).toBe(example.id);
        // The message names the request, then gives the API's own message.
        const { pathname, search } = new URL(error.url!);
        expect(error.method).toBe(op.info.method);
        expect(error.message).toBe(`${status} ${error.method} ${pathname}${search}: ${example.message}`);
        if (example.request_id !== undefined) expect(error.requestId).toBe(example.request_id);
      });
    }
  });
}
