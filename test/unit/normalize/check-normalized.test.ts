import { describe, expect, it } from "vitest";
import { SpecError } from "../../../generator/load/spec-error.ts";
import { checkNormalized } from "../../../generator/normalize/check-normalized.ts";
import { RESPONSE_SCHEMA, withResponseSchema } from "./fixtures.ts";

describe("checkNormalized", () => {
  it("passes a document whose refs all resolve", () => {
    const doc = withResponseSchema({ $ref: "#/components/schemas/A" });
    expect(() =>
      checkNormalized({ ...doc, components: { schemas: { A: { type: "string" } } } }, "spec.yaml"),
    ).not.toThrow();
  });

  it("stops at a ref that points at nothing, naming the spec file, the pointer and the target", () => {
    const doc = withResponseSchema({
      properties: { a: { $ref: "#/paths/~1v2~1x/get/oneOf/3" }, b: { $ref: "#/nowhere" } },
    });
    const run = () => checkNormalized(doc, "/specs/openapi.yaml");
    expect(run).toThrow(SpecError);
    expect(run).toThrow(
      `/specs/openapi.yaml at ${RESPONSE_SCHEMA}/properties/a: after normalisation, $ref #/paths/~1v2~1x/get/oneOf/3 points at nothing`,
    );
    expect(run).toThrow(/1 more:\n {2}.*properties\/b -> #\/nowhere/);
  });
});
