import { describe, expect, it } from "vitest";
import { decodePercentEncodedRefs } from "../../../generator/normalize/passes/decode-percent-encoded-refs.ts";
import { apply, spec } from "../helpers.ts";

const schemaRef = (ref: string) => ({
  responses: { "200": { description: "ok", content: { "application/json": { schema: { $ref: ref } } } } },
});

describe("decode-percent-encoded-refs", () => {
  it.each([
    [
      "#/paths/~1v2~1keys~1%7Bssh_key_identifier%7D/get/responses/200",
      "#/paths/~1v2~1keys~1{ssh_key_identifier}/get/responses/200",
    ],
    ["#/paths/~1v2~1keys/get", "#/paths/~1v2~1keys/get"],
    ["other.yaml#/a%20b", "other.yaml#/a%20b"],
  ])("%s -> %s", (given, want) => {
    const { doc, report } = apply(
      decodePercentEncodedRefs,
      spec({ paths: { "/x": { get: schemaRef(given) } } as never }),
    );
    expect(
      (doc.paths["/x"]!.get!.responses["200"] as never as ReturnType<typeof schemaRef>["responses"]["200"]).content[
        "application/json"
      ].schema.$ref,
    ).toBe(want);
    expect(report.fixes.length).toBe(given === want ? 0 : 1);
  });
});
