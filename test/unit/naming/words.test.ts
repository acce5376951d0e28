import { describe, expect, it } from "vitest";
import { camelCase, pascalCase, singular, splitWords } from "../../../generator/naming/words.ts";
import { kebabCase } from "../../../generator/naming/operation-names.ts";
import { sharedOperations } from "../shared-operations.ts";

describe("splitWords + camelCase", () => {
  it.each([
    ["invoices_get_byUUID", "invoicesGetByUuid"],
    ["monitoring_get_DropletCpuMetrics", "monitoringGetDropletCpuMetrics"],
    ["floatingIPs_list", "floatingIPsList"],
    ["registry_list_repositoriesV2", "registryListRepositoriesV2"],
    ["monitoring_get_dropletLoad15Metrics", "monitoringGetDropletLoad15Metrics"],
    ["a-b.c_d", "aBCD"],
    ["ünïcödé_list", "unicodeList"],
  ])("%s -> %s", (given, want) => {
    expect(camelCase(splitWords(given))).toBe(want);
  });

  it("names every operation of the pinned spec as test/fixtures/operations.tsv says", () => {
    const rows = sharedOperations();
    expect(rows.length).toBe(290);
    for (const { fn, operationId } of rows) expect(camelCase(splitWords(operationId))).toBe(fn);
  });
});

describe("casing helpers", () => {
  it.each([
    [["kubernetes", "clusters"], "KubernetesClusters"],
    [["ssh", "key"], "SshKey"],
  ])("pascalCase(%j) = %s", (words, want) => expect(pascalCase(words)).toBe(want));

  it.each([
    ["droplets", "droplet"],
    ["policies", "policy"],
    ["addresses", "address"],
    ["sizes", "size"],
    ["kubernetes", "kubernetes"],
    ["status", "status"],
    ["matches", "match"],
  ])("singular(%s) = %s", (given, want) => expect(singular(given)).toBe(want));

  it.each([
    ["floatingIPsAction", "floating-ips-action"],
    ["droplets", "droplets"],
    ["oneClicks", "one-clicks"],
  ])("kebabCase(%s) = %s", (given, want) => expect(kebabCase(given)).toBe(want));
});
