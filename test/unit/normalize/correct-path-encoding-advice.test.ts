import { describe, expect, it } from "vitest";
import {
  correctPathEncodingAdvice,
  withoutEncodingAdvice,
} from "../../../generator/normalize/passes/correct-path-encoding-advice.ts";
import { apply, spec } from "../helpers.ts";

describe("correct-path-encoding-advice", () => {
  it("replaces a sentence that asks for encoding with what the SDK does", () => {
    expect(
      withoutEncodingAdvice(
        "The name of a container registry repository. If the name contains `/` characters, they must be URL-encoded, e.g. `%2F`.",
      ),
    ).toBe(
      "The name of a container registry repository. Pass the value as it is: the SDK encodes each path argument as one segment (`/` is sent as `%2F`).",
    );
    expect(withoutEncodingAdvice("A name, percent-encoded.")).toMatch(/^Pass the value as it is/);
    expect(withoutEncodingAdvice("The Droplet's id.")).toBeUndefined();
  });

  it("touches path parameters only", () => {
    const advice = "Must be URL-encoded.";
    const given = spec({
      paths: {
        "/r/{name}": {
          get: {
            parameters: [
              { name: "name", in: "path", required: true, description: advice, schema: { type: "string" } },
              { name: "q", in: "query", description: advice, schema: { type: "string" } },
            ],
            responses: { "204": { description: "done" } },
          },
        },
      } as never,
    });
    const { doc, report } = apply(correctPathEncodingAdvice, given);
    const [path, query] = doc.paths["/r/{name}"]!.get!.parameters as { description: string }[];
    expect(path!.description).toMatch(/^Pass the value as it is/);
    expect(query!.description).toBe(advice);
    expect(report.fixes).toHaveLength(1);
  });
});
