// Quirk: some examples contradict their own schema, partly from the APIs.guru
// YAML conversion (sexagesimal "14:00" -> 840; spec/overlays restores the
// known ones), partly upstream (an alert policy's numeric entity id). A mock
// server (Prism --errors) serves examples and then fails its own response
// check, and contract tests that replay examples fail for the spec's fault.
// Every example (schema `example`, and `example`/`examples` of media types,
// parameters and headers) is validated against its schema with ajv (formats
// on, OpenAPI 3.0 `nullable` understood); those that do not match are dropped,
// each recorded as a fix and a warning (a spec defect to report upstream or
// fix as data) with the reason and the example's pointer.
// Refs point into other operations; they are resolved against the document.
// A schema that does not compile keeps its examples and is reported, and so
// does a mismatching example that other `$ref`s use (deleting it would leave
// them dangling); a `$ref` entry is judged against the schema beside it.
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import type { NormalizePass } from "../pass.ts";
import { DocumentEditor } from "./support/edit.ts";
import type { OpenApiDocument } from "../../openapi.ts";
import { formatPointer, getAt, parsePointer } from "../../pointer.ts";
import { deref, refTargets } from "./support/refs.ts";
import { isObject, walkDocument, type JsonObject, type Tokens } from "./support/walk-document.ts";

// ajv-formats is CommonJS; under NodeNext its default export arrives as `.default`.
const addFormats = (addFormatsModule as unknown as { default: (ajv: Ajv) => Ajv }).default;

type Verdict = { ok: true } | { ok: false; reason: string } | { ok: "unknown"; reason: string };

const ANNOTATIONS = new Set(["description", "title", "example", "examples", "externalDocs", "deprecated", "xml"]);
const SCHEMA_LISTS = new Set(["allOf", "anyOf", "oneOf"]);
const SCHEMA_VALUES = new Set(["items", "additionalProperties", "not"]);

/**
 * Validates values against schemas of one document. ajv would recompile a
 * ref'd schema for every validator that reaches it, so each ref target is
 * registered once under its own id (refs rewritten to those ids), and each
 * distinct schema (annotations left out: most leaf schemas here only differ in
 * descriptions and examples) is compiled once. The whole spec takes about a
 * second.
 */
function schemaChecker(doc: OpenApiDocument): (schema: unknown, value: unknown) => Verdict {
  // Each validator runs a few times at most: optimising its code costs more than it saves.
  const ajv = new Ajv({
    strict: false,
    validateSchema: false,
    allErrors: false,
    logger: false,
    inlineRefs: false,
    code: { optimize: false },
  });
  addFormats(ajv);
  const ids = new Map<string, string>();
  const idOf = (ref: string): string => {
    const pointer = formatPointer(parsePointer(ref));
    let id = ids.get(pointer);
    if (!id) {
      id = `ref-${ids.size}.json`;
      ids.set(pointer, id);
      const target = getAt(doc, parsePointer(ref));
      // Registered before its own refs are rewritten, so cycles end here.
      if (target !== undefined) ajv.addSchema(copy(target) as object, id);
    }
    return id;
  };
  const copy = (schema: unknown): unknown => {
    if (!isObject(schema)) return schema;
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(schema)) {
      if (ANNOTATIONS.has(key)) continue;
      if (key === "$ref" && typeof value === "string" && value.startsWith("#")) out[key] = idOf(value);
      else if (key === "properties" && isObject(value)) {
        out[key] = Object.fromEntries(Object.entries(value).map(([name, child]) => [name, copy(child)]));
      } else if (SCHEMA_LISTS.has(key) && Array.isArray(value)) out[key] = value.map(copy);
      else if (SCHEMA_VALUES.has(key)) out[key] = copy(value);
      else out[key] = value;
    }
    return out;
  };
  const compiled = new Map<string, ValidateFunction | Error>();
  return (schema, value) => {
    const schemaCopy = copy(schema);
    const key = JSON.stringify(schemaCopy);
    let validate = compiled.get(key);
    if (!validate) {
      try {
        validate = ajv.compile(schemaCopy as object);
      } catch (error) {
        validate = error as Error;
      }
      compiled.set(key, validate);
    }
    if (validate instanceof Error) return { ok: "unknown", reason: validate.message };
    if (validate(value)) return { ok: true };
    const error = validate.errors?.[0];
    return { ok: false, reason: error ? `${error.instancePath || "(root)"} ${error.message}` : "does not match" };
  };
}

export const dropMismatchedExamples: NormalizePass = {
  name: "drop-mismatched-examples",
  run(input, ctx) {
    const edit = new DocumentEditor(input);
    const check = schemaChecker(input);
    const shared = refTargets(input);
    const uncompiled = new Set<string>();

    /** Checks one example; returns true when it must go. */
    const mismatched = (schemaAt: Tokens, value: unknown, exampleAt: Tokens): boolean => {
      const verdict = check(getAt(input, schemaAt), value);
      if (verdict.ok === true) return false;
      if (verdict.ok === "unknown") {
        const where = formatPointer(schemaAt);
        if (!uncompiled.has(where))
          ctx.warn(`cannot compile the schema, its examples are kept unchecked: ${verdict.reason}`, where);
        uncompiled.add(where);
        return false;
      }
      const where = formatPointer(exampleAt);
      if (shared.has(where)) {
        ctx.warn(`kept an example that does not match its schema because other $refs use it: ${verdict.reason}`, where);
        return false;
      }
      ctx.fixed(`dropped an example that does not match its schema: ${verdict.reason}`, where);
      ctx.warn(`dropped an example that does not match its schema: ${verdict.reason}`, where);
      return true;
    };

    /** `example` and `examples` of a media type, parameter or header, checked against its `schema`. */
    const holder = (node: JsonObject, at: Tokens): void => {
      if (node.schema === undefined) return;
      const schemaAt = [...at, "schema"];
      if ("example" in node && mismatched(schemaAt, node.example, [...at, "example"])) delete edit.at(at).example;
      if (!isObject(node.examples)) return;
      let kept = 0;
      for (const [name, entry] of Object.entries(node.examples)) {
        // Resolved in the input: a ref'd example is judged against this schema, wherever it lives.
        const example = deref(input, entry);
        if (isObject(example) && "value" in example && mismatched(schemaAt, example.value, [...at, "examples", name]))
          delete edit.at([...at, "examples"])[name];
        else kept++;
      }
      if (kept === 0) delete edit.at(at).examples;
    };

    walkDocument(input, {
      schema(schema, at) {
        if ("example" in schema && schema.$ref === undefined && mismatched(at, schema.example, [...at, "example"]))
          delete edit.at(at).example;
      },
      mediaType: holder,
      parameter: holder,
      header: holder,
    });
    return edit.result();
  },
};
