import { describe, expect, it } from "vitest";
import { liftAllOfRequired } from "../../../generator/normalize/passes/lift-allof-required.ts";
import { apply } from "../helpers.ts";
import { RESPONSE_SCHEMA, at, validates, withResponseSchema } from "./fixtures.ts";

const RECORD = `${RESPONSE_SCHEMA}/properties/record`;
const record = { type: "object", properties: { type: { type: "string" }, name: { type: "string" } } };
const nested = { allOf: [{ $ref: RECORD }, { properties: { ttl: { type: "integer" } } }] };

describe("lift-allof-required", () => {
  it.each([
    [
      "names defined by a ref'd branch move to the owner",
      { allOf: [{ $ref: RECORD }, { required: ["type", "name"] }] },
      { allOf: [{ $ref: RECORD }, {}], required: ["type", "name"] },
      { fixes: 1, warnings: 0 },
    ],
    [
      "own names stay in the branch, foreign ones move, the owner's list is merged",
      {
        required: ["name"],
        allOf: [{ $ref: RECORD }, { type: "object", properties: { ttl: {} }, required: ["ttl", "name", "type"] }],
      },
      {
        required: ["name", "type"],
        allOf: [{ $ref: RECORD }, { type: "object", properties: { ttl: {} }, required: ["ttl"] }],
      },
      { fixes: 1, warnings: 0 },
    ],
    [
      "names defined through a nested allOf count",
      { allOf: [{ $ref: `${RESPONSE_SCHEMA}/properties/nested` }, { required: ["ttl", "name"] }] },
      { allOf: [{ $ref: `${RESPONSE_SCHEMA}/properties/nested` }, {}], required: ["ttl", "name"] },
      { fixes: 1, warnings: 0 },
    ],
    [
      "names defined by the owner itself",
      { properties: { id: {} }, allOf: [{ required: ["id"] }] },
      { properties: { id: {} }, allOf: [{}], required: ["id"] },
      { fixes: 1, warnings: 0 },
    ],
    [
      "names nothing defines stay and are reported",
      { allOf: [{ $ref: RECORD }, { required: ["ghost"] }] },
      { allOf: [{ $ref: RECORD }, { required: ["ghost"] }] },
      { fixes: 0, warnings: 1 },
    ],
    [
      "a branch defining its own required names is left alone",
      { allOf: [{ $ref: RECORD }, { properties: { ttl: {} }, required: ["ttl"] }] },
      { allOf: [{ $ref: RECORD }, { properties: { ttl: {} }, required: ["ttl"] }] },
      { fixes: 0, warnings: 0 },
    ],
  ])("%s", (_, given, want, counts) => {
    const { doc, report } = apply(
      liftAllOfRequired,
      withResponseSchema({ type: "object", properties: { record, nested, use: given } }),
    );
    expect(at(doc, `${RESPONSE_SCHEMA}/properties/use`)).toEqual(want);
    expect({ fixes: report.fixes.length, warnings: report.warnings.length }).toEqual(counts);
  });

  it("copies but keeps the names in a branch other refs use", () => {
    const use = { allOf: [{ $ref: RECORD }, { required: ["name"] }] };
    const other = { $ref: `${RESPONSE_SCHEMA}/properties/use/allOf/1` };
    const { doc } = apply(
      liftAllOfRequired,
      withResponseSchema({ type: "object", properties: { record, use, other } }),
    );
    expect(at(doc, `${RESPONSE_SCHEMA}/properties/use`)).toEqual({
      allOf: [{ $ref: RECORD }, { required: ["name"] }],
      required: ["name"],
    });
  });

  it("reports what it lifted and where", () => {
    const use = { allOf: [{ $ref: RECORD }, { required: ["type", "name"] }] };
    const { report } = apply(liftAllOfRequired, withResponseSchema({ type: "object", properties: { record, use } }));
    expect(report.fixes).toEqual([
      {
        message: "lifted required type, name from allOf/1 to the object that defines them",
        pointer: `${RESPONSE_SCHEMA}/properties/use`,
      },
    ]);
  });

  it("does not change what validates", () => {
    const use = { allOf: [{ $ref: RECORD }, { type: "object", required: ["type", "name"] }] };
    const given = withResponseSchema({ type: "object", properties: { record, use } });
    const { doc } = apply(liftAllOfRequired, given);
    const USE = `${RESPONSE_SCHEMA}/properties/use`;
    for (const value of [{ type: "A", name: "n" }, { type: "A" }, {}, { type: 1, name: "n" }, "text", null]) {
      expect(validates(doc, USE, value)).toBe(validates(given, USE, value));
    }
  });
});
