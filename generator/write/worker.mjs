// The worker thread of workers.ts: validates the spec with swagger-parser and
// formats documents with prettier. Plain JavaScript, so it runs as it is
// wherever the generator runs (tsx, vitest).
// Messages: { id, type, ...job } in, { id, result } or { id, error } out.
import { parentPort } from "node:worker_threads";

let prettier;
const loadPrettier = async () => (prettier ??= await import("prettier"));

const jobs = {
  async warm() {
    // swagger-parser first: validating the spec is the first job.
    await import("@apidevtools/swagger-parser");
    await loadPrettier();
  },

  /** swagger-parser's verdict on the document (this thread's own copy: validation dereferences it in place). */
  async validate({ doc }) {
    const { default: SwaggerParser } = await import("@apidevtools/swagger-parser");
    try {
      await SwaggerParser.validate(doc);
      return undefined;
    } catch (error) {
      const { message, source, path, errors } = error;
      return {
        message,
        source,
        path,
        errors: errors?.map((e) => ({ message: e.message, path: e.path, source: e.source })),
      };
    }
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
