// The worker thread of workers.ts: formats documents with prettier. Plain
// JavaScript, so it runs as it is wherever the generator runs (tsx, vitest).
// Messages: { id, type, ...job } in, { id, result } or { id, error } out.
import { parentPort } from "node:worker_threads";

let prettier;
const loadPrettier = async () => (prettier ??= await import("prettier"));

const jobs = {
  async warm() {
    await loadPrettier();
  },

  async format({ text, parser, printWidth, proseWrap }) {
    const started = performance.now();
    const formatted = await (await loadPrettier()).format(text, { parser, printWidth, proseWrap });
    return { text: formatted, formatMs: performance.now() - started };
  },
};

// One job at a time, in the order they came: a job that awaits (prettier loads
// its plugins lazily) must not let a long synchronous one start in between.
let queue = Promise.resolve();
parentPort.on("message", ({ id, type, ...job }) => {
  queue = queue.then(async () => {
    try {
      parentPort.postMessage({ id, result: await jobs[type](job) });
    } catch (error) {
      parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    }
  });
});
