// The README's rule table is the documentation of surface/rules.ts: every rule
// is in it, with the tags the code gives on each side.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RULES } from "../../../generator/surface/rules.ts";

const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");
const section = readme.slice(
  readme.indexOf("## API changes and semver"),
  readme.indexOf("\n## ", readme.indexOf("## API changes and semver") + 3),
);

/** rule -> [request, response] as the README's table says ("" where a side does not apply). */
function documented(): Map<string, [string, string]> {
  const rows = new Map<string, [string, string]>();
  for (const line of section.split("\n").filter((l) => l.startsWith("| ") && l.includes("`"))) {
    const [, , rules, request, response] = line.split("|").map((cell) => cell.trim());
    const names = [...rules!.matchAll(/`([a-z.-]+)`/g)].map((m) => m[1]!);
    // "added / BREAKING" pairs with "`a` / `b`"; one tag for several rules applies to each.
    const split = (cell: string) => (cell.includes(" / ") ? cell.split(" / ") : names.map(() => cell));
    const requests = split(request!);
    const responses = split(response!);
    for (const [i, name] of names.entries()) rows.set(name, [requests[i] ?? "", responses[i] ?? ""]);
  }
  return rows;
}

describe("README: API changes and semver", () => {
  it("documents every rule, with the tag the code gives on each side", () => {
    const table = documented();
    expect([...table.keys()].sort()).toEqual(Object.keys(RULES).sort());
    for (const [rule, [request, response]] of Object.entries(RULES)) {
      const [onRequest, onResponse] = table.get(rule)!;
      // A blank cell is a side the rule never meets (a parameter is never received).
      if (onRequest) expect(`${rule} request: ${onRequest}`).toBe(`${rule} request: ${request}`);
      if (onResponse) expect(`${rule} response: ${onResponse}`).toBe(`${rule} response: ${response}`);
      expect(onRequest || onResponse, rule).not.toBe("");
    }
  });

  it("says how enum values added to response types count, and shows the diff step when updating the spec", () => {
    expect(section).toContain("**Enum values added to a response type** are tagged `changed` and count as\nminor");
    const updating = readme.slice(
      readme.indexOf("## Updating to a new spec"),
      readme.indexOf("## API changes and semver"),
    );
    expect(updating).toContain("npm run api-diff -- /tmp/api-before.json generated");
  });
});
