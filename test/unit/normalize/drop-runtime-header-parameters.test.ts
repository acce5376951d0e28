import { describe, expect, it } from "vitest";
import { dropRuntimeHeaderParameters } from "../../../generator/normalize/passes/drop-runtime-header-parameters.ts";
import { apply, spec } from "../helpers.ts";

const header = (name: string) => ({ name, in: "header", schema: { type: "string" } });
const query = { name: "page", in: "query", schema: { type: "integer" } };
const dangerous = { name: "X-Dangerous", in: "header", required: true, schema: { type: "boolean" } };

describe("drop-runtime-header-parameters", () => {
  it.each([
    [
      "Accept and Content-Type go, the rest stay",
      [header("Accept"), query, header("Content-Type"), dangerous],
      [query, dangerous],
      2,
    ],
    ["names match case-insensitively", [header("authorization"), header("CONTENT-TYPE"), query], [query], 2],
    ["a query parameter named accept stays", [{ ...query, name: "accept" }], [{ ...query, name: "accept" }], 0],
    ["an emptied list disappears", [header("Accept")], undefined, 1],
  ])("%s", (_, given, want, fixes) => {
    const { doc, report } = apply(
      dropRuntimeHeaderParameters,
      spec({ paths: { "/x": { post: { parameters: given, responses: {} } } } } as never),
    );
    expect(doc.paths["/x"]!.post!.parameters).toEqual(want);
    expect(report.fixes).toHaveLength(fixes);
  });

  it("removes refs to runtime headers and shifts refs to later parameters", () => {
    const given = spec({
      paths: {
        "/a": {
          parameters: [header("Accept"), query],
          get: { parameters: [header("Content-Type"), dangerous], responses: {} },
        },
        "/b": {
          get: {
            parameters: [
              { $ref: "#/paths/~1a/parameters/0" },
              { $ref: "#/paths/~1a/parameters/1" },
              { $ref: "#/paths/~1a/get/parameters/1" },
            ],
            responses: {},
          },
        },
      },
    } as never);
    const { doc, report } = apply(dropRuntimeHeaderParameters, given);
    expect(doc.paths["/a"]!.parameters).toEqual([query]);
    expect(doc.paths["/a"]!.get!.parameters).toEqual([dangerous]);
    expect(doc.paths["/b"]!.get!.parameters).toEqual([
      { $ref: "#/paths/~1a/parameters/0" },
      { $ref: "#/paths/~1a/get/parameters/0" },
    ]);
    expect(report.fixes.map((f) => f.pointer)).toEqual([
      "#/paths/~1a/parameters/0",
      "#/paths/~1a/get/parameters/0",
      "#/paths/~1b/get/parameters/0",
    ]);
    expect(report.fixes[0]!.message).toBe("removed header parameter Accept: the runtime sets it");
  });
});
