// One contract test per operation of the normalised spec, for one Prism mode
// (static examples or `Prefer: dynamic=true`), followed by a coverage test
// that fails when any operation of the spec has no passing test.
import { describe, expect, inject, test } from "vitest";
import * as sdk from "../../../generated/dist/esm/index.js";
import { callArguments } from "./arguments.ts";
import { callOperation, contractClient, describeFailure, type CallResult } from "./call-operation.ts";
import { responseProblems } from "./check-response.ts";
import { contractOperations, loadSpec, specOperationKeys } from "./contract-spec.ts";
import { responseValidator } from "./response-validator.ts";

export interface SuiteMode {
  name: string;
  /** Request headers that select the mode in Prism. */
  headers: Record<string, string>;
}

export function defineOperationSuite(mode: SuiteMode): void {
  const doc = loadSpec(inject("contractSpecPath"));
  const operations = contractOperations(doc);
  const validator = responseValidator(doc);
  const passed = new Set<string>();
  const tested = new Set<string>();

  describe.concurrent(`every operation (${mode.name})`, () => {
    for (const op of operations) {
      tested.add(op.key);
      test(`${op.info.functionName}: ${op.key}`, async () => {
        const baseUrl = inject("contractBaseUrl");
        const { client, sent } = contractClient(baseUrl, op);
        const args = callArguments(doc, op, baseUrl);
        let result: CallResult;
        try {
          result = await callOperation(client, op, args, mode.headers);
        } catch (error) {
          // An operation that documents no success (410 Gone only) must reject with a status it
          // documents; `default` documents every status (Prism answers it with a 200, which must reject too).
          if (op.info.response.kind === "never") {
            const documented = Object.keys(op.raw.responses ?? {});
            const status = String((error as { status?: unknown }).status);
            const covered = documented.includes(status) || documented.includes("default");
            if (!(error instanceof sdk.DigitalOceanError) || !covered)
              return expect.fail(`${describeFailure(op, sent, error)}\n  documented: ${documented.join(", ")}`);
            passed.add(op.key);
            return;
          }
          return expect.fail(describeFailure(op, sent, error));
        }
        if (op.info.response.kind === "never")
          return expect.fail(
            describeFailure(op, sent, `a ${result.status} for an operation that documents no success`),
          );
        const problems = responseProblems(op, result, validator);
        if (problems.length)
          expect.fail(`${describeFailure(op, sent, "a response the spec does not promise")}\n${problems.join("\n")}`);
        passed.add(op.key);
      });
    }
  });

  test(`coverage (${mode.name})`, () => {
    const all = specOperationKeys(doc);
    const untested = all.filter((key) => !tested.has(key));
    const failing = all.filter((key) => tested.has(key) && !passed.has(key));
    console.log(
      `contract coverage: ${all.length - untested.length - failing.length}/${all.length} operations (${mode.name})`,
    );
    expect(untested, "operations of the spec without a contract test").toEqual([]);
    expect(failing, "operations whose contract test did not pass").toEqual([]);
  });
}
