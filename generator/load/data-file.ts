// The project's own data files (spec/*.json) are checked against JSON Schemas
// in spec/schemas with ajv. Every error names the file and the JSON pointer
// of the offending value, e.g. `spec/waiters.json#/waiters/3/success: must be
// a list of strings`. A schema may say how its failure reads to a person
// with an `x-error` keyword; other failures are phrased from ajv's report.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import { escapeToken, formatPointer } from "../pointer.ts";
import { parseSpecText } from "./syntax-errors.ts";

export class SpecDataError extends Error {
  override name = "SpecDataError";
  constructor(
    /** The file, as the user knows it ("spec/waiters.json"). */
    readonly file: string,
    /** JSON pointer of the offending value; "" for the whole document. */
    readonly pointer: string,
    problem: string,
  ) {
    super(`${file}${pointer ? `#${pointer}` : ""}: ${problem}`);
  }
}

const SCHEMAS = join(import.meta.dirname, "..", "..", "spec", "schemas");
const MESSAGE = "x-error";

// verbose: errors carry the schema that failed, where an x-error is found.
const ajv = new Ajv({ allErrors: false, verbose: true, strict: true, strictRequired: false });
ajv.addKeyword({ keyword: MESSAGE, schemaType: "string" });
const compiled = new Map<string, ValidateFunction>();

/** Parses a JSON file; a syntax error names the file, the line and column, and the value being read. */
export function readJsonFile(path: string, file: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new SpecDataError(file, "", `cannot read: ${(error as Error).message}`);
  }
  const parsed = parseSpecText(path, text);
  if (parsed.ok) return parsed.value;
  throw new SpecDataError(file, formatPointer(parsed.problem.tokens).slice(1), parsed.problem.message);
}

const ARTICLE: Record<string, string> = { array: "an array", object: "an object", integer: "an integer" };

type Schema = Record<string, unknown>;

/** The pointer and the problem to report for an ajv error (ajv's instancePath is a JSON pointer already). */
function describe(error: ErrorObject): { pointer: string; problem: string } {
  const schema = (error.parentSchema ?? {}) as Schema;
  const pointer = error.instancePath;
  const params = error.params as Record<string, unknown>;
  const member = (key: unknown) => `${pointer}/${escapeToken(String(key))}`;
  if (error.keyword === "additionalProperties") {
    const allowed = Object.keys((schema.properties as Schema | undefined) ?? {});
    const key = String(params.additionalProperty);
    return { pointer: member(key), problem: `unknown key "${key}" (allowed: ${allowed.join(", ")})` };
  }
  if (error.keyword === "propertyNames") {
    const custom = (schema.propertyNames as Schema | undefined)?.[MESSAGE];
    return { pointer: member(params.propertyName), problem: `key ${String(custom ?? "is not allowed")}` };
  }
  const custom = schema[MESSAGE];
  if (typeof custom === "string") return { pointer, problem: custom };
  switch (error.keyword) {
    case "required":
      return { pointer, problem: `"${String(params.missingProperty)}" is required` };
    case "type":
      return { pointer, problem: `must be ${ARTICLE[String(params.type)] ?? `a ${String(params.type)}`}` };
    case "minItems":
      return { pointer, problem: "must not be empty" };
    case "const":
      return { pointer, problem: `must be ${JSON.stringify(params.allowedValue)}` };
    default:
      return { pointer, problem: error.message ?? `fails ${error.keyword}` };
  }
}

/**
 * Checks `value` against `spec/schemas/<schema>`; throws a SpecDataError for
 * the first problem. With allErrors off ajv stops at the first failing
 * keyword; a failed oneOf is reported after the errors of its branches, so
 * the last error is the one that stopped validation. (A failed if/then
 * reports the errors of its `then` only: an x-error goes there.)
 */
export function validateData(value: unknown, schema: string, file: string): void {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(readJsonFile(join(SCHEMAS, schema), `spec/schemas/${schema}`) as object);
    compiled.set(schema, validate);
  }
  if (validate(value)) return;
  const last = validate.errors![validate.errors!.length - 1]!;
  const { pointer, problem } = describe(last);
  throw new SpecDataError(file, pointer, problem);
}
