import { describe, expect, it } from "vitest";
import { grouped, messageKind } from "../../generator/summary.ts";

describe("the summary's grouping of messages", () => {
  it("takes names, pointers and numbers out of a message to find its kind", () => {
    expect(messageKind(`discriminator mapping "A" -> "models/x.yml#/a" points at nothing`)).toBe(
      "discriminator mapping … -> … points at nothing",
    );
    expect(messageKind("dropped 2 example(s) at #/paths/~1a/get")).toBe("dropped N example(s) at …");
  });

  it("prints one line per kind, the first with how many more are like it", () => {
    expect(
      grouped([
        `waiters[0] "a" left out: no operation "x"`,
        `waiters[1] "b" left out: no operation "y"`,
        "dropped 1 example(s)",
        `waiters[2] "c" left out: no operation "z"`,
      ]),
    ).toEqual([`waiters[0] "a" left out: no operation "x" (and 2 more like it)`, "dropped 1 example(s)"]);
  });
});
