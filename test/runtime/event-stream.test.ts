// The text/event-stream parser against the WHATWG rules, and against every way
// a stream can be cut into pieces: the same bytes give the same events
// whether they come whole or split anywhere, inside a CRLF or a UTF-8 character.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { eventStreamParser, type ServerSentEvent } from "../../templates/runtime/index.ts";

const parseAll = (...pieces: string[]) => {
  const parse = eventStreamParser();
  return pieces.flatMap((piece) => parse(piece));
};

/** Decodes bytes cut at `cuts` the way the stream does (a streaming TextDecoder), then parses. */
const parseBytes = (bytes: Uint8Array, cuts: number[]): ServerSentEvent[] => {
  const parse = eventStreamParser();
  const decoder = new TextDecoder();
  const events: ServerSentEvent[] = [];
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    events.push(...parse(decoder.decode(bytes.subarray(from, cut), { stream: true })));
    from = cut;
  }
  events.push(...parse(decoder.decode(bytes.subarray(from), { stream: true })));
  events.push(...parse(decoder.decode()));
  return events;
};

const message = (data: string, more: Partial<ServerSentEvent> = {}): ServerSentEvent => ({
  event: "message",
  data,
  id: "",
  retry: undefined,
  ...more,
});

describe("eventStreamParser", () => {
  test("data lines join with a line feed; a blank line ends the event", () => {
    expect(parseAll("data: first\ndata: second\n\ndata: third\n\n")).toEqual([
      message("first\nsecond"),
      message("third"),
    ]);
  });

  test("comments, unknown fields and the single optional space after the colon", () => {
    expect(parseAll(": keep-alive\nfoo: bar\ndata:no space\ndata:  two spaces\n\n")).toEqual([
      message("no space\n two spaces"),
    ]);
  });

  test("event, id and retry; id and retry last for the rest of the stream", () => {
    expect(parseAll("event: delta\nid: 7\nretry: 1500\ndata: {}\n\ndata: next\n\n")).toEqual([
      { event: "delta", data: "{}", id: "7", retry: 1500 },
      { event: "message", data: "next", id: "7", retry: 1500 },
    ]);
  });

  test("an id with NUL and a retry that is not digits are ignored", () => {
    expect(parseAll("id: a\u0000b\nretry: 10s\ndata: x\n\n")).toEqual([message("x")]);
  });

  test("a field name alone (no colon) is that field with an empty value", () => {
    expect(parseAll("data\ndata\n\n")).toEqual([message("\n")]);
  });

  test("an event without data is not dispatched, and resets the event name", () => {
    expect(parseAll("event: ping\n\ndata: x\n\n")).toEqual([message("x")]);
  });

  test("CRLF, CR and LF all end lines, mixed in one stream", () => {
    expect(parseAll("data: a\r\ndata: b\rdata: c\n\r\ndata: d\r\r")).toEqual([message("a\nb\nc"), message("d")]);
  });

  test("a CRLF cut between its CR and LF is one line end, not two", () => {
    expect(parseAll("data: a\r", "\ndata: b\r", "\n\r", "\n")).toEqual([message("a\nb")]);
    // An empty piece between CR and LF changes nothing.
    expect(parseAll("data: a\r", "", "\n\r\n")).toEqual([message("a")]);
  });

  test("an event still open when the text ends is dropped", () => {
    expect(parseAll("data: complete\n\ndata: cut off")).toEqual([message("complete")]);
  });

  test("a long line in many pieces", () => {
    const long = "x".repeat(10_000);
    const pieces = ["data: ", ...long.match(/.{1,7}/g)!, "\n\n"];
    expect(parseAll(...pieces)).toEqual([message(long)]);
  });

  test("any cut of the bytes, inside line ends and UTF-8 characters, gives the events of the whole", () => {
    const line = fc.string({ unit: "grapheme", maxLength: 20 }).map((s) => s.replace(/[\r\n]/g, ""));
    const field = fc.oneof(
      line.map((v) => `data: ${v}`),
      line.map((v) => `event:${v}`),
      fc.stringMatching(/^[0-9a-z]{0,6}$/).map((v) => `id: ${v}`),
      fc.nat(99_999).map((v) => `retry: ${v}`),
      line.map((v) => `:${v}`),
      fc.constant(""),
    );
    const eol = fc.constantFrom("\n", "\r", "\r\n");
    const stream = fc
      .array(fc.tuple(field, eol), { maxLength: 30 })
      .map((lines) => lines.map(([l, e]) => l + e).join(""));
    fc.assert(
      fc.property(stream, fc.array(fc.nat(), { maxLength: 8 }), (text, rawCuts) => {
        const bytes = new TextEncoder().encode(text);
        const cuts = rawCuts.map((c) => c % (bytes.length + 1));
        expect(parseBytes(bytes, cuts)).toEqual(parseBytes(bytes, []));
      }),
      { numRuns: 2000 },
    );
  });

  test("a multi-byte character cut in the middle survives", () => {
    const bytes = new TextEncoder().encode('data: {"text":"héllo 😀"}\n\n');
    const inside = bytes.indexOf(0xf0) + 2; // two bytes into the four of the emoji
    expect(parseBytes(bytes, [inside, bytes.indexOf(0xc3) + 1])).toEqual([message('{"text":"héllo 😀"}')]);
  });
});
