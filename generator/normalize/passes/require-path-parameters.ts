// Guard, not a quirk of the pinned spec (all 290 operations pass it, checked
// by test): an SDK builds each URL from the path template, so every `{name}`
// in it must be a declared `in: path` parameter, and OpenAPI requires those
// to be `required: true`. A spec update that breaks this would otherwise give
// a function that cannot fill its URL, or lets callers omit a path segment.
// Missing `required: true` is set (through refs: a path parameter is required
// wherever it is used); an undeclared template name is declared as a string
// parameter with a warning; a declared path parameter missing from the
// template is reported (it can never be sent).
import type { NormalizePass } from "../pass.ts";
import { eachOperation, type ParameterObject } from "../../openapi.ts";
import { formatPointer } from "../../pointer.ts";
import { deref } from "./support/refs.ts";
import { isObject } from "./support/walk-document.ts";

export const requirePathParameters: NormalizePass = {
  name: "require-path-parameters",
  run(input, ctx) {
    const doc = structuredClone(input);
    for (const { path, method, pathItem, operation } of eachOperation(doc)) {
      const where = formatPointer(["paths", path, method]);
      const template = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
      const declared = [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])]
        .map((p) => deref(doc, p))
        .filter(
          (p): p is ParameterObject & Record<string, unknown> =>
            isObject(p) && p.in === "path" && typeof p.name === "string",
        );
      for (const param of declared) {
        if (!template.includes(param.name)) ctx.warn(`path parameter ${param.name} is not in the path template`, where);
        else if (param.required !== true) {
          param.required = true;
          ctx.fixed(`path parameter ${param.name} is now required: true`, where);
        }
      }
      for (const name of template) {
        if (declared.some((p) => p.name === name)) continue;
        operation.parameters = [
          ...(operation.parameters ?? []),
          { name, in: "path", required: true, schema: { type: "string" } },
        ];
        ctx.warn(`path template names {${name}} but no parameter declares it; declared it as a string`, where);
        ctx.fixed(`declared path parameter ${name}`, where);
      }
    }
    return doc;
  },
};
