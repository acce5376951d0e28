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
import { spec } from "../helpers.ts";
import { ROOT, at, pinnedSpec } from "./fixtures.ts";

const raw = pinnedSpec();
const { doc, report } = runPass(applyOverlays(loadOverlays(join(ROOT, "spec/overlays"), "spec/overlays")), raw);

/** Defects that appeared after the pinned copy was made. */
const NEWER_ONLY_FILES = [
  "kafka-topic-example-field-names.json",
  "monitoring-sink-required-urn.json",
  "vpc-nat-gateway-create-project-id.json",
];

describe("spec/overlays on the pinned spec", () => {
  it("apply without leaving refs dangling, every file but the newer spec's applying to the pinned spec", () => {
    expect(report.fixes.length).toBeGreaterThan(0);
    expect(report.warnings).toEqual([]);
    const skipped = (report.notes ?? []).filter((n) => n.startsWith("not needed by this spec"));
    expect(skipped).toHaveLength(1);
    expect(skipped[0]!.split(": ")[1]!.split(", ")).toEqual(NEWER_ONLY_FILES);
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

describe("spec/overlays written for DigitalOcean's newer spec, on a small spec shaped like it", () => {
  const json = (body: object) => ({ content: { "application/json": body } });
  const ok = (schema: object) => ({ "200": { description: "ok", ...json({ schema }) } });
  const topic = { type: "object", properties: { name: { type: "string" }, partition_count: { type: "integer" } } };
  const badExample = { name: "events", partitions: 3, replication: 2, config: { retention_ms: 1 } };
  const given = spec({
    paths: {
      "/v2/databases/{database_cluster_uuid}/topics": {
        post: { requestBody: json({ schema: { allOf: [topic] }, example: { ...badExample } }), responses: ok(topic) },
      },
      "/v2/databases/{database_cluster_uuid}/topics/{topic_name}": {
        put: { requestBody: json({ schema: { allOf: [topic] }, example: { ...badExample } }), responses: ok(topic) },
      },
      "/v2/vpc_nat_gateways": {
        post: {
          requestBody: json({ schema: { $ref: "#/components/schemas/VpcNatGatewayCreate" } }),
          responses: ok({ type: "object" }),
        },
      },
      "/v2/monitoring/sinks/{sink_uuid}": {
        get: {
          responses: ok({
            type: "object",
            properties: {
              sink: { type: "object", required: ["urn"], properties: { destination: { type: "object" } } },
            },
          }),
        },
      },
    },
    components: {
      schemas: {
        VpcNatGatewayCreate: { type: "object", required: ["name"], properties: { name: { type: "string" } } },
      },
    },
  } as never);
  const fixed = runPass(applyOverlays(loadOverlays(join(ROOT, "spec/overlays"), "spec/overlays")), given);
  const example = (path: string, method: string) =>
    at(fixed.doc, `#/paths/${path.replaceAll("/", "~1")}/${method}/requestBody/content/application~1json/example`);

  it("apply, every one of them", () => {
    const applied = new Set(fixed.report.fixes.map((f) => f.message.match(/spec\/overlays\/[\w-]+\.json/)?.[0]));
    for (const file of NEWER_ONLY_FILES) expect(applied).toContain(`spec/overlays/${file}`);
    expect(danglingRefs(fixed.doc)).toEqual([]);
  });

  it("name Kafka topic example fields as the body schema does", () => {
    const want = { name: "events", config: { retention_ms: 1 }, partition_count: 3, replication_factor: 2 };
    expect(example("/v2/databases/{database_cluster_uuid}/topics", "post")).toEqual(want);
    const { name: _, ...update } = want;
    expect(example("/v2/databases/{database_cluster_uuid}/topics/{topic_name}", "put")).toEqual({
      name: "events",
      ...update,
    });
  });

  it("let a VPC NAT gateway create take project_id, optional", () => {
    const schema = at(fixed.doc, "#/components/schemas/VpcNatGatewayCreate") as {
      properties: object;
      required: string[];
    };
    expect(Object.keys(schema.properties)).toEqual(["name", "project_id"]);
    expect(schema.required).toEqual(["name"]);
  });

  it("drop the sink's required urn", () => {
    expect(
      at(
        fixed.doc,
        "#/paths/~1v2~1monitoring~1sinks~1{sink_uuid}/get/responses/200/content/application~1json/schema/properties/sink/required",
      ),
    ).toBeUndefined();
  });
});
