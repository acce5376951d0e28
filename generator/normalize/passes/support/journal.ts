// Changes to a JSON document that can be taken back, newest first. An overlay
// file applies whole or not at all; recording its few changes and undoing
// them when it turns out not to apply costs far less than copying the whole
// document before every file (megabytes, for DigitalOcean's newest spec).
type Container = Record<string, unknown> | unknown[];

function put(target: Container, key: string, value: unknown): void {
  // defineProperty: a key named "__proto__" must stay a property.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

export class Journal {
  readonly #undo: (() => void)[] = [];

  /** target[key] = value. */
  set(target: Container, key: string, value: unknown): void {
    if (Object.hasOwn(target, key)) {
      const old = (target as Record<string, unknown>)[key];
      this.#undo.push(() => put(target, key, old));
    } else {
      this.#undo.push(() => delete (target as Record<string, unknown>)[key]);
    }
    put(target, key, value);
  }

  /** delete target[key], restored in its place (key order included). */
  delete(target: Record<string, unknown>, key: string): void {
    const before = Object.entries(target);
    this.#undo.push(() => {
      for (const k of Object.keys(target)) delete target[k];
      for (const [k, v] of before) put(target, k, v);
    });
    delete target[key];
  }

  push(list: unknown[], value: unknown): void {
    list.push(value);
    this.#undo.push(() => list.pop());
  }

  splice(list: unknown[], index: number): void {
    const [old] = list.splice(index, 1);
    this.#undo.push(() => list.splice(index, 0, old));
  }

  /** Takes back every change, newest first. */
  rollback(): void {
    for (let undo = this.#undo.pop(); undo; undo = this.#undo.pop()) undo();
  }
}
