// What a successful call must hand back, by the operation's response kind:
// the documented 2xx status, and undefined for no body, a string for YAML or
// CSV, an ArrayBuffer for PDF, a schema-valid value for JSON.
import type { CallResult } from "./call-operation.ts";
import type { ContractOperation } from "./contract-spec.ts";
import type { ResponseValidator } from "./response-validator.ts";

/** The problems with a result, empty when it is what the spec promises. */
export function responseProblems(op: ContractOperation, result: CallResult, validator: ResponseValidator): string[] {
  const { response } = op.info;
  const problems: string[] = [];
  if (String(result.status) !== response.status)
    problems.push(`status ${result.status}, documented ${response.status}`);
  const { data } = result;
  switch (response.kind) {
    case "none":
      if (data !== undefined) problems.push(`expected no body (undefined), got ${JSON.stringify(data)?.slice(0, 200)}`);
      break;
    case "text":
      if (typeof data !== "string") problems.push(`expected a string for ${response.mediaType}, got ${typeof data}`);
      else if (data === "") problems.push(`expected ${response.mediaType} text, got an empty string`);
      break;
    case "binary":
      if (!(data instanceof ArrayBuffer))
        problems.push(`expected an ArrayBuffer for ${response.mediaType}, got ${Object.prototype.toString.call(data)}`);
      break;
    case "json": {
      if (data === undefined) {
        problems.push(`expected a JSON body (content-type ${result.contentType}), got none`);
        break;
      }
      const errors = validator.check(response.schema, data);
      if (errors)
        problems.push(
          `body does not match the response schema:\n${errors}\nbody: ${JSON.stringify(data).slice(0, 2000)}`,
        );
      break;
    }
  }
  return problems;
}
