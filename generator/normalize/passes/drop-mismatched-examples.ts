// Quirk: some examples contradict their own schema, partly from the APIs.guru
// YAML conversion (sexagesimal "14:00" -> 840; spec/overlays restores the
// known ones), partly upstream (an alert policy's numeric entity id). A mock
// server (Prism --errors) serves examples and then fails its own response
// check, and contract tests that replay examples fail for the spec's fault.
// Every example (schema `example`, and `example`/`examples` of media types,
// parameters and headers) is checked against its schema by ajv's rules
// (formats on, OpenAPI 3.0 `nullable` understood): support/interpret-schema.ts
// walks schema and value, ajv itself judges what that walk does not cover
// (support/ajv-checker.ts); examples that do not match are dropped,
// each recorded as a fix and a warning (a spec defect to report upstream or
// fix as data) with the reason and the example's pointer.
// Refs point into other operations; they are resolved against the document.
// A schema that does not compile keeps its examples and is reported, and so
// does a mismatching example that other `$ref`s use (deleting it would leave
// them dangling); a `$ref` entry is judged against the schema beside it.
import type { NormalizePass } from "../pass.ts";
import { DocumentEditor } from "./support/edit.ts";
import { formatPointer, getAt } from "../../pointer.ts";
import { schemaChecker, type Verdict } from "./support/ajv-checker.ts";
import { schemaInterpreter } from "./support/interpret-schema.ts";
import { deref, refTargets } from "./support/refs.ts";
import { isObject, walkDocument, type JsonObject, type Tokens } from "./support/walk-document.ts";

export const dropMismatchedExamples: NormalizePass = {
  name: "drop-mismatched-examples",
  run(input, ctx) {
    const edit = new DocumentEditor(input);
    const interpret = schemaInterpreter(input);
    let compiled: ReturnType<typeof schemaChecker> | undefined;
    // Walking schema and value decides almost every example; ajv (compiled once, when needed) the rest.
    const check = (schema: unknown, value: unknown): Verdict => {
      const verdict = interpret(schema, value);
      if (verdict.ok !== "unsupported") return verdict;
      compiled ??= schemaChecker(input);
      return compiled(schema, value);
    };
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
