// The overlays in spec/overlays against the pinned spec itself: they must all
// apply, except those written for defects only DigitalOcean's newer spec has
// (a target that stopped matching fails loudly), and do what they say. The
// README names every one of them.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadOverlays } from "../../../generator/load/overlay.ts";
import { eachOperation } from "../../../generator/openapi.ts";
import { runPass } from "../../../generator/normalize/pass.ts";
import { applyOverlays } from "../../../generator/normalize/passes/apply-overlays.ts";
import { danglingRefs } from "../../../generator/normalize/passes/support/refs.ts";
import { ROOT, at, pinnedSpec } from "./fixtures.ts";

const raw = pinnedSpec();
const { doc, report } = runPass(applyOverlays(loadOverlays(join(ROOT, "spec/overlays"), "spec/overlays")), raw);

describe("spec/overlays on the pinned spec", () => {
  /** Defects that appeared after the pinned copy was made. */
  const NEWER_ONLY = ["monitoring-sink-required-urn.json"];

  it("apply without leaving refs dangling, every file but the newer spec's applying to the pinned spec", () => {
    expect(report.fixes.length).toBeGreaterThan(0);
    expect(report.warnings).toEqual([]);
    const skipped = (report.notes ?? []).filter((n) => n.startsWith("not needed by this spec"));
    expect(skipped).toHaveLength(1);
    expect(skipped[0]!.split(": ")[1]!.split(", ")).toEqual(NEWER_ONLY);
    expect(danglingRefs(doc)).toEqual([]);
  });

  it("are each named in the README", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    for (const file of readdirSync(join(ROOT, "spec/overlays"))) expect(readme).toContain(`\`${file}\``);
  });

  it("add the parameters the live API takes and point image actions at { action }", () => {
    const params = (path: string) =>
      ((doc.paths[path]!.get!.parameters ?? []) as { name?: string }[]).map((p) => p.name).filter(Boolean);
    expect(params("/v2/droplets")).toContain("type");
    expect(params("/v2/load_balancers")).toEqual(expect.arrayContaining(["names", "uuids"]));
    expect(params("/v2/floating_ips/{floating_ip}/actions")).toEqual(expect.arrayContaining(["page", "per_page"]));
    expect(
      at(
        doc,
        "#/paths/~1v2~1images~1{image_id}~1actions/post/responses/201/content/application~1json/schema/properties",
      ),
    ).toHaveProperty("action");
  });

  it("give the registry repository operations their /repositories/ paths", () => {
    const paths = Object.fromEntries(
      [...eachOperation(doc)].map((o) => [o.operation.operationId, `${o.method} ${o.path}`]),
    );
    expect(paths).toMatchObject({
      registry_list_repositoryManifests: "get /v2/registry/{registry_name}/repositories/{repository_name}/digests",
      registry_delete_repositoryManifest:
        "delete /v2/registry/{registry_name}/repositories/{repository_name}/digests/{manifest_digest}",
      registry_list_repositoryTags: "get /v2/registry/{registry_name}/repositories/{repository_name}/tags",
      registry_delete_repositoryTag:
        "delete /v2/registry/{registry_name}/repositories/{repository_name}/tags/{repository_tag}",
    });
    expect(
      Object.keys(doc.paths).filter((p) => p.startsWith("/v2/registry/{registry_name}/{repository_name}")),
    ).toEqual([]);
    expect([...eachOperation(doc)]).toHaveLength([...eachOperation(raw)].length);
  });

  it("restore HH:MM examples that YAML read as base-60 numbers", () => {
    const hour =
      "#/paths/~1v2~1databases/get/responses/200/content/application~1json/schema/properties/databases/items/properties/maintenance_window/allOf/0/properties/hour/example";
    expect(at(doc, hour)).toBe("14:00");
    expect(
      at(
        doc,
        "#/paths/~1v2~1databases~1{database_cluster_uuid}~1maintenance/put/requestBody/content/application~1json/example/hour",
      ),
    ).toBe("14:00");
    expect(JSON.stringify(doc)).not.toMatch(/"(start_time|hour)":(720|840)\b/);
  });
});
