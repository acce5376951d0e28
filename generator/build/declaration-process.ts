// The main thread's side of declare-files.mjs: one process per run, started
// with it, that takes requests in order and answers them in order.
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { createInterface } from "node:readline";

export interface DeclaredFiles {
  /** Path given -> declarations. */
  declarations: Record<string, string>;
  /** Files on disk that needed the type checker (an export that does not state its type, or a computed class member name). */
  declaredByProgram: string[];
}

export type DeclarationRequest = { tsconfig: string } & (
  | { files: readonly string[] }
  | { texts: readonly { path: string; text: string }[] }
);

interface Pending {
  resolve(value: DeclaredFiles): void;
  reject(error: Error): void;
}

export class DeclarationProcess {
  readonly #child: ChildProcessWithoutNullStreams;
  readonly #pending: Pending[] = [];
  #stderr = "";

  constructor() {
    this.#child = spawn(process.execPath, [new URL("./declare-files.mjs", import.meta.url).pathname]);
    createInterface({ input: this.#child.stdout }).on("line", (line) =>
      this.#pending.shift()?.resolve(JSON.parse(line) as DeclaredFiles),
    );
    this.#child.stderr.on("data", (chunk: Buffer) => {
      this.#stderr += chunk.toString("utf8");
    });
    const fail = (why: string) => {
      const error = new Error(`writing declarations failed: ${why}\n${this.#stderr.trim()}`.trim());
      for (const pending of this.#pending.splice(0)) pending.reject(error);
    };
    this.#child.on("error", (error) => fail(error.message));
    this.#child.on("close", (code) => fail(`the declarations process exited (code ${code})`));
  }

  declare(request: DeclarationRequest): Promise<DeclaredFiles> {
    return new Promise((resolve, reject) => {
      this.#pending.push({ resolve, reject });
      this.#child.stdin.write(`${JSON.stringify(request)}\n`);
    });
  }

  /** Lets the process end once it has answered what it was asked. */
  close(): void {
    this.#child.stdin.end();
  }
}
