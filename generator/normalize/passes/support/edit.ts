// Copy on write for passes: a pass reads its input and asks for a writable
// node only where it changes something; that node and the containers above
// it are copied (shallowly, once each), and everything else is shared with
// the input. Copying the whole document in each of ~20 passes was most of
// the normalise step (and of its garbage) on DigitalOcean's newest spec.
// The input is never changed, so passes stay pure; what they return may
// share nodes with what they were given, which no pass changes either.
import type { OpenApiDocument } from "../../../openapi.ts";
import { formatPointer } from "../../../pointer.ts";
import type { JsonObject, Tokens } from "./walk-document.ts";

type Container = JsonObject | unknown[];

const isContainer = (value: unknown): value is Container => typeof value === "object" && value !== null;

function put(target: Container, key: string, value: unknown): void {
  // defineProperty: a key named "__proto__" must stay a property.
  if (key === "__proto__")
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else (target as JsonObject)[key] = value;
}

export class DocumentEditor {
  readonly #input: OpenApiDocument;
  #output: Container | undefined;
  readonly #own = new WeakSet<object>();

  constructor(input: OpenApiDocument) {
    this.#input = input;
  }

  #copy<T extends Container>(node: T): T {
    const copy = (Array.isArray(node) ? [...node] : { ...node }) as T;
    this.#own.add(copy);
    return copy;
  }

  /**
   * The object or array at `tokens` in the output, which the caller may
   * change: it and every container on the way to it are this pass's copies.
   */
  at<T extends Container = JsonObject>(tokens: Tokens): T {
    this.#output ??= this.#copy(this.#input as unknown as JsonObject);
    let node: Container = this.#output;
    for (const token of tokens) {
      const child = (node as JsonObject)[token];
      if (!isContainer(child)) throw new Error(`nothing to change at ${formatPointer(tokens)}`);
      if (this.#own.has(child)) node = child;
      else {
        const copy = this.#copy(child);
        put(node, token, copy);
        node = copy;
      }
    }
    return node as T;
  }

  /** The input itself when nothing was asked for, else the copy with the changes. */
  result(): OpenApiDocument {
    return (this.#output as unknown as OpenApiDocument | undefined) ?? this.#input;
  }
}
