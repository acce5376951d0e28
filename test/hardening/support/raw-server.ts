// A minimal HTTP/1.1 server on 127.0.0.1 built on a raw TCP socket, so tests
// see the request exactly as it was written on the wire (request line and
// header lines), not as an HTTP parser normalised it. Answers every request
// with 200 and `{}`.
import { createServer, type Socket } from "node:net";
import type { AddressInfo } from "node:net";

export interface RawRequest {
  /** e.g. "GET /v2/images/%2F HTTP/1.1" */
  line: string;
  headerLines: string[];
  /** Lower-cased header name -> value, from headerLines. */
  headers: Record<string, string>;
  body: string;
}

export interface RawServer {
  url: string;
  host: string;
  requests: RawRequest[];
  close(): Promise<void>;
}

export async function startRawServer(): Promise<RawServer> {
  const requests: RawRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    let buffer = Buffer.alloc(0);
    socket.on("data", (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const end = buffer.indexOf("\r\n\r\n");
        if (end < 0) return;
        const [line = "", ...headerLines] = buffer.subarray(0, end).toString("latin1").split("\r\n");
        const headers = Object.fromEntries(
          headerLines.map((h) => [h.slice(0, h.indexOf(":")).toLowerCase(), h.slice(h.indexOf(":") + 1).trim()]),
        );
        const length = Number(headers["content-length"] ?? 0);
        if (buffer.length < end + 4 + length) return;
        requests.push({ line, headerLines, headers, body: buffer.subarray(end + 4, end + 4 + length).toString() });
        buffer = buffer.subarray(end + 4 + length);
        socket.write("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 2\r\n\r\n{}");
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `http://${host}`,
    host,
    requests,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
