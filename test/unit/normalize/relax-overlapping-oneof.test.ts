import { describe, expect, it } from "vitest";
import { relaxOverlappingOneOf } from "../../../generator/normalize/passes/relax-overlapping-oneof.ts";
import { apply } from "../helpers.ts";
import { at, RESPONSE_SCHEMA, validates, withResponseSchema } from "./fixtures.ts";

describe("relax-overlapping-oneof", () => {
  it.each([
    ["two plain strings", [{ type: "string", title: "a" }, { type: "boolean" }, { type: "string", example: "1000" }]],
    ["integer and number", [{ type: "integer" }, { type: "number" }]],
  ])("turns a oneOf with %s into anyOf", (_, branches) => {
    const given = withResponseSchema({ oneOf: branches });
    const { doc, report } = apply(relaxOverlappingOneOf, given);
    expect(at(doc, RESPONSE_SCHEMA)).toEqual({ anyOf: branches });
    expect(report.fixes).toHaveLength(1);
  });

  it("lets a string through that two branches accept", () => {
    const branches = [{ type: "string" }, { type: "boolean" }, { type: "string" }];
    expect(validates(withResponseSchema({ oneOf: branches }), RESPONSE_SCHEMA, "x")).toBe(false);
    expect(
      validates(apply(relaxOverlappingOneOf, withResponseSchema({ oneOf: branches })).doc, RESPONSE_SCHEMA, "x"),
    ).toBe(true);
  });

  it.each([
    ["distinct types", [{ type: "string" }, { type: "boolean" }]],
    ["strings told apart by format", [{ type: "string", format: "uuid" }, { type: "string" }]],
    [
      "strings told apart by enum",
      [
        { type: "string", enum: ["a"] },
        { type: "string", enum: ["b"] },
      ],
    ],
    ["objects", [{ type: "object" }, { type: "object" }]],
  ])("leaves %s alone", (_, branches) => {
    const { report } = apply(relaxOverlappingOneOf, withResponseSchema({ oneOf: branches }));
    expect(report.fixes).toEqual([]);
  });

  it("moves refs into the list along", () => {
    const given = withResponseSchema(
      { oneOf: [{ type: "string" }, { type: "string" }] },
      {
        "/y": {
          get: {
            responses: {
              "200": {
                description: "ok",
                content: { "application/json": { schema: { $ref: `${RESPONSE_SCHEMA}/oneOf/1` } } },
              },
            },
          },
        },
      },
    );
    const { doc } = apply(relaxOverlappingOneOf, given);
    expect(at(doc, "#/paths/~1y/get/responses/200/content/application~1json/schema")).toEqual({
      $ref: `${RESPONSE_SCHEMA}/anyOf/1`,
    });
  });
});
