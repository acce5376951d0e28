// The local API stand-in for the request-overhead benchmark. It runs in its own
// process so its CPU is not counted against the client being measured. Every
// request gets the same small JSON body (an image), over keep-alive.
import { createServer } from "node:http";

const body = JSON.stringify({
  image: {
    id: 123,
    name: "22.04 (LTS) x64",
    distribution: "Ubuntu",
    slug: "ubuntu-22-04-x64",
    public: true,
    regions: ["nyc3", "ams3"],
    min_disk_size: 7,
    type: "base",
  },
});

const server = createServer((req, res) => {
  req.resume();
  res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  res.end(body);
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  console.log(JSON.stringify({ port: typeof address === "object" ? address?.port : undefined }));
});

const stop = () => server.close(() => process.exit(0));
process.on("SIGTERM", stop);
// Stop by itself when the bench that started it goes away, or after 20 minutes at most.
process.stdin.on("end", stop).resume();
setTimeout(() => process.exit(0), 20 * 60_000).unref();
