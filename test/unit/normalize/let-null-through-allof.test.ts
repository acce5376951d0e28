import { describe, expect, it } from "vitest";
import { letNullThroughAllOf } from "../../../generator/normalize/passes/let-null-through-allof.ts";
import { apply } from "../helpers.ts";
import { RESPONSE_SCHEMA, at, validates, withResponseSchema } from "./fixtures.ts";

const SLUG = `${RESPONSE_SCHEMA}/properties/slug`;
const slug = { type: "string", example: "nyc3" };
const onlyNull = { type: "string", nullable: true, enum: [null] };

describe("let-null-through-allof", () => {
  it.each([
    [
      "a ref'd branch gets a null alternative",
      { allOf: [{ $ref: SLUG }, { type: "string", nullable: true }] },
      { allOf: [{ anyOf: [{ $ref: SLUG }, onlyNull] }, { type: "string", nullable: true }] },
      { fixes: 1, warnings: 0 },
    ],
    [
      "an inline typed branch becomes nullable, its enum too",
      {
        allOf: [
          { type: "string", enum: ["a"] },
          { type: "string", nullable: true },
        ],
      },
      {
        allOf: [
          { type: "string", enum: ["a", null], nullable: true },
          { type: "string", nullable: true },
        ],
      },
      { fixes: 1, warnings: 0 },
    ],
    [
      "a typed owner becomes nullable too",
      { type: "string", allOf: [{ $ref: SLUG }, { type: "string", nullable: true }] },
      {
        type: "string",
        nullable: true,
        allOf: [{ anyOf: [{ $ref: SLUG }, onlyNull] }, { type: "string", nullable: true }],
      },
      { fixes: 2, warnings: 0 },
    ],
    [
      "branches that accept null already are left alone",
      { allOf: [{ type: "object", nullable: true, properties: {} }, { readOnly: true }] },
      { allOf: [{ type: "object", nullable: true, properties: {} }, { readOnly: true }] },
      { fixes: 0, warnings: 0 },
    ],
    [
      "an allOf without a nullable branch is left alone",
      { allOf: [{ $ref: SLUG }, { type: "string" }] },
      { allOf: [{ $ref: SLUG }, { type: "string" }] },
      { fixes: 0, warnings: 0 },
    ],
    [
      "a composite branch that rejects null is reported",
      { allOf: [{ oneOf: [{ type: "string" }] }, { type: "string", nullable: true }] },
      { allOf: [{ oneOf: [{ type: "string" }] }, { type: "string", nullable: true }] },
      { fixes: 0, warnings: 1 },
    ],
  ])("%s", (_, given, want, counts) => {
    const { doc, report } = apply(
      letNullThroughAllOf,
      withResponseSchema({ type: "object", properties: { slug, use: given } }),
    );
    expect(at(doc, `${RESPONSE_SCHEMA}/properties/use`)).toEqual(want);
    expect({ fixes: report.fixes.length, warnings: report.warnings.length }).toEqual(counts);
  });

  it("leaves a branch other refs use alone, and says so", () => {
    const use = { allOf: [{ type: "string" }, { type: "string", nullable: true }] };
    const other = { $ref: `${RESPONSE_SCHEMA}/properties/use/allOf/0` };
    const { doc, report } = apply(
      letNullThroughAllOf,
      withResponseSchema({ type: "object", properties: { use, other } }),
    );
    expect(at(doc, `${RESPONSE_SCHEMA}/properties/use`)).toEqual(use);
    expect(report.warnings).toEqual([
      {
        message: "a sibling allOf branch is nullable but this branch, shared by other refs, rejects null",
        pointer: `${RESPONSE_SCHEMA}/properties/use/allOf/0`,
      },
    ]);
  });

  it("lets null validate and keeps everything else as it was", () => {
    const given = withResponseSchema({
      type: "object",
      properties: { slug, use: { allOf: [{ $ref: SLUG }, { type: "string", nullable: true }] } },
    });
    const { doc } = apply(letNullThroughAllOf, given);
    const USE = `${RESPONSE_SCHEMA}/properties/use`;
    expect([validates(given, USE, null), validates(doc, USE, null)]).toEqual([false, true]);
    for (const value of ["nyc3", 5, {}]) expect(validates(doc, USE, value)).toBe(validates(given, USE, value));
  });
});
