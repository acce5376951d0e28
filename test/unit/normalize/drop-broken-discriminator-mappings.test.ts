import { describe, expect, it } from "vitest";
import { dropBrokenDiscriminatorMappings } from "../../../generator/normalize/passes/drop-broken-discriminator-mappings.ts";
import { apply } from "../helpers.ts";
import { RESPONSE_SCHEMA, at, withResponseSchema } from "./fixtures.ts";

const member = (type: string) => ({ type: "object", properties: { type: { type: "string", enum: [type] } } });
const union = (mapping: Record<string, string>) => ({
  anyOf: [member("a"), member("b")],
  discriminator: { propertyName: "type", mapping },
});

describe("drop-broken-discriminator-mappings", () => {
  it.each([
    [
      "drops the whole discriminator when no entry resolves (files, missing pointers)",
      union({ a: "models/x.yml#/a", b: "#/nowhere" }),
      { anyOf: [member("a"), member("b")] },
      { fixes: 1, warnings: 2 },
    ],
    [
      "turns the oneOf of a dropped discriminator into anyOf (members may overlap)",
      { oneOf: [member("a"), member("b")], discriminator: { propertyName: "type", mapping: { a: "models/x.yml#/a" } } },
      { anyOf: [member("a"), member("b")] },
      { fixes: 2, warnings: 1 },
    ],
    [
      "keeps a oneOf whose discriminator keeps resolving entries",
      {
        oneOf: [member("a"), member("b")],
        discriminator: { propertyName: "type", mapping: { a: `${RESPONSE_SCHEMA}/oneOf/0`, b: "models/x.yml#/b" } },
      },
      {
        oneOf: [member("a"), member("b")],
        discriminator: { propertyName: "type", mapping: { a: `${RESPONSE_SCHEMA}/oneOf/0` } },
      },
      { fixes: 1, warnings: 1 },
    ],
    [
      "keeps entries that resolve, drops the rest",
      union({ a: `${RESPONSE_SCHEMA}/anyOf/0`, b: "models/x.yml#/b" }),
      { ...union({ a: `${RESPONSE_SCHEMA}/anyOf/0` }) },
      { fixes: 1, warnings: 1 },
    ],
    [
      "leaves a fully valid mapping alone",
      union({ a: `${RESPONSE_SCHEMA}/anyOf/0` }),
      union({ a: `${RESPONSE_SCHEMA}/anyOf/0` }),
      { fixes: 0, warnings: 0 },
    ],
    [
      "leaves a discriminator without mapping alone",
      { anyOf: [member("a")], discriminator: { propertyName: "type" } },
      { anyOf: [member("a")], discriminator: { propertyName: "type" } },
      { fixes: 0, warnings: 0 },
    ],
  ])("%s", (_, given, want, counts) => {
    const { doc, report } = apply(dropBrokenDiscriminatorMappings, withResponseSchema(given));
    expect(at(doc, RESPONSE_SCHEMA)).toEqual(want);
    expect({ fixes: report.fixes.length, warnings: report.warnings.length }).toEqual(counts);
  });

  it("resolves bare schema names against components.schemas", () => {
    const given = withResponseSchema(union({ a: "A", b: "B" }));
    given.components = { schemas: { A: member("a") as never } };
    const { doc, report } = apply(dropBrokenDiscriminatorMappings, given);
    expect(at(doc, `${RESPONSE_SCHEMA}/discriminator/mapping`)).toEqual({ a: "A" });
    expect(report.warnings).toEqual([
      {
        message: 'discriminator mapping "b" -> "B" points at nothing in the document',
        pointer: `${RESPONSE_SCHEMA}/discriminator`,
      },
    ]);
  });

  it("finds discriminators in nested schemas and says where", () => {
    const { report } = apply(
      dropBrokenDiscriminatorMappings,
      withResponseSchema({ type: "object", properties: { action: union({ a: "#/x" }) } }),
    );
    expect(report.fixes).toEqual([
      {
        message: 'dropped the discriminator on "type": none of its 1 mapping entries resolves',
        pointer: `${RESPONSE_SCHEMA}/properties/action/discriminator`,
      },
    ]);
  });
});
