// Quirk: 4 string schemas use formats no validator knows: `uint64`
// (apps_get_metrics_bandwidth_daily's bandwidth_bytes), `cidr` (the
// Kubernetes cluster_subnet) and `string` (twice, uptime alert Slack
// notifications). ajv in strict mode refuses to compile a schema with an
// unknown format, and a format nobody can check documents nothing a type does
// not. Formats outside OpenAPI 3.0's and JSON Schema's registries (what
// ajv-formats implements) are dropped.
import type { NormalizePass } from "../pass.ts";
import { DocumentEditor } from "./support/edit.ts";
import { formatPointer } from "../../pointer.ts";
import { walkDocument } from "./support/walk-document.ts";

const KNOWN_FORMATS = new Set([
  // OpenAPI 3.0 data types
  "int32",
  "int64",
  "float",
  "double",
  "byte",
  "binary",
  "date",
  "date-time",
  "password",
  // JSON Schema formats (as implemented by ajv-formats)
  "time",
  "iso-time",
  "iso-date-time",
  "duration",
  "uri",
  "uri-reference",
  "uri-template",
  "url",
  "email",
  "hostname",
  "ipv4",
  "ipv6",
  "regex",
  "uuid",
  "json-pointer",
  "json-pointer-uri-fragment",
  "relative-json-pointer",
]);

export const dropUnknownFormats: NormalizePass = {
  name: "drop-unknown-formats",
  run(input, ctx) {
    const edit = new DocumentEditor(input);
    walkDocument(input, {
      schema(schema, at) {
        const format = schema.format;
        if (format === undefined || (typeof format === "string" && KNOWN_FORMATS.has(format))) return;
        delete edit.at(at).format;
        ctx.fixed(`dropped unknown format ${JSON.stringify(format)}`, formatPointer([...at, "format"]));
      },
    });
    return edit.result();
  },
};
