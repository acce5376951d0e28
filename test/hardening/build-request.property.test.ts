// Property-based checks of the runtime's URL and header building, over
// thousands of generated cases: path arguments always land in their own
// segment of the same origin, and the query string carries exactly the
// operation's query keys with every value, in order, recoverable by a parser.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildUrl, setHeader } from "../../templates/runtime/build-request.ts";
import { ArgumentError } from "../../templates/runtime/errors.ts";
import type { Operation } from "../../templates/runtime/operation.ts";

const RUNS = 3000;
const BASE = "https://api.example.test/base";

const word = fc.stringMatching(/^[a-z][a-z0-9_-]{0,8}$/);
/** Any string a caller might pass that is well-formed Unicode (lone surrogates have their own test). */
const anyText = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc.string({ unit: "binary-ascii", maxLength: 12 }),
  fc.constantFrom("/", "?", "#", "%", "%2e%2e", "..%2f", "\\", "@", ":"),
);
/** Numbers a path can carry: NaN and the infinities are refused (their own test below). */
const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
const pathArg = fc.oneof(
  anyText.filter((s) => s !== "" && s !== "." && s !== ".."),
  fc.integer(),
  finite,
);

/** A path template: literal words and placeholders, e.g. /v2/{a}/x/{b}. */
const template = fc.array(
  fc.oneof(
    word.map((w) => ({ literal: w })),
    word.map((w) => ({ placeholder: w })),
  ),
  { minLength: 1, maxLength: 6 },
);

describe("buildUrl: path arguments", () => {
  it("fill exactly one segment each and never change origin or base path", () => {
    fc.assert(
      fc.property(template, fc.array(pathArg, { minLength: 6, maxLength: 6 }), (parts, args) => {
        const path = "/" + parts.map((p) => ("literal" in p ? p.literal : `{${p.placeholder}}`)).join("/");
        const used = args.slice(0, parts.filter((p) => "placeholder" in p).length);
        const url = new URL(buildUrl(BASE + "/", { method: "GET", path }, used, {}));
        expect(url.origin).toBe("https://api.example.test");
        expect(url.search).toBe("");
        expect(url.hash).toBe("");
        const segments = url.pathname.split("/").slice(1);
        expect(segments.slice(0, 1)).toEqual(["base"]);
        let next = 0;
        const expected = parts.map((p) => ("literal" in p ? p.literal : String(used[next++])));
        expect(segments.slice(1).map(decodeURIComponent)).toEqual(expected);
      }),
      { numRuns: RUNS },
    );
  });

  it("refuses exactly the values that would move the request or read as text: missing, empty, '.', '..', non-finite numbers and non-scalars", () => {
    const anyValue = fc.oneof(
      anyText,
      fc.constantFrom("", ".", ".."),
      fc.integer(),
      fc.double(),
      fc.constantFrom(undefined, null, true, false, {}, [], ["a"], Number.NaN, Number.POSITIVE_INFINITY),
    );
    fc.assert(
      fc.property(anyValue, (value) => {
        const refused =
          !(typeof value === "string" || (typeof value === "number" && Number.isFinite(value))) ||
          value === "" ||
          value === "." ||
          value === "..";
        const build = () => buildUrl(BASE, { method: "GET", path: "/v2/things/{thing_id}" }, [value], {});
        if (refused) expect(build).toThrow(ArgumentError);
        else expect(new URL(build()).pathname.split("/")).toHaveLength(5);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("buildUrl: query serialisation", () => {
  const scalar = fc.oneof(anyText, fc.integer(), finite, fc.boolean(), fc.constantFrom(null, undefined));
  const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 4 }));
  const key = fc.oneof(
    word,
    anyText.filter((s) => s !== ""),
  );

  it("carries every non-null value of the operation's query keys, in order, and nothing else", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(key, { minLength: 1, maxLength: 5 }),
        fc.array(value, { minLength: 5, maxLength: 5 }),
        fc.array(fc.tuple(word, value), { maxLength: 3 }),
        (queryKeys, values, extra) => {
          const op: Operation = { method: "GET", path: "/v2/things", query: queryKeys };
          const params: Record<string, unknown> = Object.fromEntries(extra.map(([k, v]) => ["extra_" + k, v]));
          for (const [i, k] of queryKeys.entries()) params[k] = values[i];
          const url = new URL(buildUrl(BASE, op, [], params));
          const expected = queryKeys.flatMap((k) =>
            [params[k]]
              .flat()
              .filter((v) => v != null)
              .map((v) => [k, String(v)]),
          );
          expect([...url.searchParams]).toEqual(expected);
          expect(url.pathname).toBe("/base/v2/things");
          expect(url.hash).toBe("");
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe("setHeader", () => {
  it("refuses a value exactly when it holds a character a header cannot carry, and otherwise sets it lower-cased", () => {
    const headerValue = fc.oneof(
      anyText,
      fc.string({ unit: fc.constantFrom("a", " ", "\r", "\n", ":", "\t", "\u0000", "\u007f", "é", "€"), maxLength: 8 }),
      fc.integer(),
      fc.boolean(),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,10}$/), headerValue, (name, value) => {
        const headers: Record<string, string> = {};
        // What fetch accepts as a header value: tab, visible ASCII, space and Latin-1 beyond ASCII.
        if (/[^\t\x20-\x7e\x80-\xff]/.test(String(value))) {
          expect(() => setHeader(headers, name, value)).toThrow(ArgumentError);
          expect(headers).toEqual({});
        } else {
          setHeader(headers, name, value);
          expect(headers).toEqual({ [name.toLowerCase()]: String(value) });
        }
      }),
      { numRuns: RUNS },
    );
  });
});
