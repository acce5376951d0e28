// A worker thread for the work that can run beside the main thread: it starts
// with the run and loads prettier while the main thread loads the spec, then
// validates the spec with swagger-parser while the main thread normalises,
// and formats the README while the main thread emits and formats the sources.
// No TypeScript runs there: a second copy of the compiler in this process
// would raise the run's peak memory.
import { Worker } from "node:worker_threads";
import type { ValidationFailure } from "../load/load-spec.ts";
import type { OpenApiDocument } from "../openapi.ts";

const WORKER = new URL("./worker.mjs", import.meta.url);

export interface FormatResult {
  text: string;
  formatMs: number;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export class FormatWorker {
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  #nextId = 0;

  constructor() {
    this.#worker = new Worker(WORKER);
    this.#worker.on("message", ({ id, result, error }: { id: number; result?: unknown; error?: string }) => {
      const pending = this.#pending.get(id)!;
      this.#pending.delete(id);
      if (error === undefined) pending.resolve(result);
      else pending.reject(new Error(error));
    });
    this.#worker.on("error", (error) => this.#failAll(error));
    this.#worker.on("exit", (code) => this.#failAll(new Error(`the worker thread exited (code ${code})`)));
  }

  #run<T>(type: string, job: object = {}): Promise<T> {
    const id = this.#nextId++;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.#worker.postMessage({ id, type, ...job });
    });
  }

  #failAll(error: Error): void {
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }

  /** Starts loading prettier. */
  warm(): Promise<void> {
    return this.#run("warm");
  }

  /** Formats one file with prettier. */
  format(job: {
    path: string;
    text: string;
    parser: string;
    printWidth: number;
    proseWrap: string;
  }): Promise<FormatResult> {
    return this.#run("format", job);
  }

  /** Validates the spec with swagger-parser (on the copy the message carries); resolves to its error, if any. */
  validate(doc: OpenApiDocument): Promise<ValidationFailure | undefined> {
    return this.#run("validate", { doc });
  }

  async close(): Promise<void> {
    await this.#worker.terminate();
  }
}
