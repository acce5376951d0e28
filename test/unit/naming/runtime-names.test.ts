import { describe, expect, it } from "vitest";
import { runtimeExportNames } from "../../../generator/naming/runtime-names.ts";
import * as sdk from "../../../generated/dist/esm/index.js";

describe("runtimeExportNames", () => {
  const names = runtimeExportNames(new URL("../../../templates/runtime", import.meta.url).pathname);

  it("finds the core's exports through export * and export lists", () => {
    for (const name of [
      "Client",
      "APIPromise",
      "PagePromise",
      "RequestOptions",
      "NotFoundError",
      "waitForAction",
      "WaitTimeoutError",
    ]) {
      expect(names).toContain(name);
    }
  });

  it("lists every runtime value the built package exports", () => {
    // Generated waiters (waitUntilDropletActive, ...) are not runtime exports.
    const values = Object.keys(sdk).filter(
      (k) => /Error$|^Client$|^APIPromise$|^PagePromise$|^wait/.test(k) && !/^waitUntil[A-Z]/.test(k),
    );
    for (const value of values) expect(names).toContain(value);
  });
});
