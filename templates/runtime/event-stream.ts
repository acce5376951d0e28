// The text/event-stream (server-sent events) format, parsed as the WHATWG
// HTML standard defines it: lines end in CRLF, LF or CR; a blank line ends
// an event; `data:` lines join with "\n"; `event:`, `id:` and `retry:` set
// their fields; lines starting with ":" are comments. Text comes in pieces cut
// anywhere, even between the CR and LF of one line end.

export interface ServerSentEvent {
  /** The `event:` field; "message" when the event has none. */
  event: string;
  /** The `data:` lines, joined with "\n". */
  data: string;
  /** The last `id:` seen so far in the stream ("" when none). */
  id: string;
  /** The last valid `retry:` (ms) seen so far in the stream. */
  retry: number | undefined;
}

/**
 * An incremental parser: each call takes the next piece of text and returns
 * the events it completed. An event still open when the text ends is dropped,
 * as the standard says (it may have been cut off).
 */
export function eventStreamParser(): (text: string) => ServerSentEvent[] {
  let rest = "";
  let data: string | undefined;
  let event = "";
  let id = "";
  let retry: number | undefined;
  /** The last piece ended in CR: a LF starting the next one belongs to that line end. */
  let afterCR = false;
  return (text) => {
    const events: ServerSentEvent[] = [];
    if (afterCR && text[0] === "\n") {
      text = text.slice(1);
      afterCR = false;
    }
    if (text) afterCR = text.endsWith("\r");
    // A piece without a line end only extends the current line (one long line in many pieces stays linear).
    if (!/[\r\n]/.test(text)) {
      rest += text;
      return events;
    }
    const lines = (rest + text).split(/\r\n|\r|\n/);
    rest = lines.pop()!;
    for (const line of lines) {
      if (!line) {
        if (data !== undefined) events.push({ event: event || "message", data, id, retry });
        data = undefined;
        event = "";
        continue;
      }
      const colon = line.indexOf(":");
      // A line starting with ":" is a comment: its field name is empty, which names no field.
      const name = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? "" : line.slice(line[colon + 1] === " " ? colon + 2 : colon + 1);
      if (name === "data") data = data === undefined ? value : data + "\n" + value;
      else if (name === "event") event = value;
      else if (name === "id" && !value.includes("\0")) id = value;
      else if (name === "retry" && /^\d+$/.test(value)) retry = Number(value);
    }
    return events;
  };
}
