import { describe, expect, it } from "vitest";
import { followPointer, parsePointer } from "../../generator/pointer.ts";

describe("followPointer", () => {
  const doc = {
    paths: { "/a": { schema: { $ref: "#/defs/a" } }, "/b": { schema: { $ref: "#/defs/x" } } },
    defs: { a: { properties: { x: { $ref: "#/defs/x" } } }, x: { type: "string" }, loop: { $ref: "#/defs/loop" } },
  };
  const follow = (pointer: string, keepFinalRef = false) => followPointer(doc, parsePointer(pointer), keepFinalRef);

  it.each([
    ["#/paths/~1a/schema/properties/x", ["defs", "x"]],
    ["#/paths/~1a/schema", ["defs", "a"]],
    ["#/defs/x/type", ["defs", "x", "type"]],
    ["#/paths/~1b/schema/type", ["defs", "x", "type"]],
  ])("%s reaches %j through refs", (pointer, want) => {
    expect(follow(pointer)).toEqual(want);
  });

  it("can stop at a final ref", () => {
    expect(follow("#/paths/~1a/schema/properties/x", true)).toEqual(["defs", "a", "properties", "x"]);
  });

  it.each(["#/paths/~1c", "#/paths/~1a/schema/properties/y", "#/defs/loop/type", "#/defs/x/type/length"])(
    "%s leads nowhere",
    (pointer) => {
      expect(follow(pointer)).toBeUndefined();
    },
  );
});
