// YAML is read by js-yaml (fast) and, where js-yaml refuses a file, again by
// `yaml` to say where: the values must be the ones `yaml` gives, and errors
// still name the line and the pointer.
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseSpecText } from "../../../generator/load/syntax-errors.ts";

const tricky = `
openapi: 3.0.0
created: 2020-07-21T18:37:44Z
day: 2020-07-21
octal: 0o17
hex: 0x1F
old-octal: 017
floats: [.inf, -.Inf, .nan, 1e3, 6.02e+23]
booleans: [true, false, yes, no, on, off, True]
nulls: [null, ~, Null, ""]
base: &base { a: 1 }
merged:
  <<: *base
  b: 2
quoted: "line\\nbreak"
folded: >
  one
  two
literal: |
  keep
  lines
`;

describe("parseSpecText for YAML", () => {
  it("gives the values the yaml package gives: no timestamps, no merge keys, YAML 1.2 scalars", () => {
    const parsed = parseSpecText("spec.yaml", tricky);
    expect(parsed).toEqual({ ok: true, value: parse(tricky) });
    const value = (parsed as { value: Record<string, unknown> }).value;
    expect(value.created).toBe("2020-07-21T18:37:44Z");
    expect(value.merged).toEqual({ "<<": { a: 1 }, b: 2 });
  });

  it("reads an empty file as null", () => {
    expect(parseSpecText("empty.yaml", "")).toEqual({ ok: true, value: null });
    expect(parseSpecText("comments.yaml", "# nothing\n")).toEqual({ ok: true, value: null });
  });

  it("locates what it refuses, duplicate keys included", () => {
    expect(parseSpecText("bad.yaml", "paths:\n  /a:\n    get: [unclosed\n")).toMatchObject({
      ok: false,
      problem: { message: expect.stringMatching(/^invalid YAML at line \d+, column \d+: /) },
    });
    expect(parseSpecText("dup.yaml", "info:\n  title: a\n  title: b\n")).toMatchObject({
      ok: false,
      problem: { message: expect.stringContaining("line 3"), tokens: ["info"] },
    });
  });
});
