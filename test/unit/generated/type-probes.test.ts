// What the built package's types let a strict TypeScript caller write: every
// JSON object body flat in the params object, tagged unions narrowed by their
// tag, unknown and missing fields refused at compile time; and declarations
// free of the artefacts generators leave behind. Each `@ts-expect-error` is a
// probe: tsc fails when the line it guards type-checks after all.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { typeCheckConsumer } from "./type-check-consumer.ts";

const root = new URL("../../../", import.meta.url).pathname;
const generated = join(root, "generated");
const work = mkdtempSync(join(tmpdir(), "type-probes-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const PROBES = `
import {
  Client,
  dropletActionsPost,
  dropletActionsPostByTag,
  dropletsCreate,
  registryDeleteRepositoryTag,
  volumesCreate,
  type DropletActionsPostParams,
} from "digitalocean-sdk";

const client = new Client({ token: "t" });

// One convention: the fields of every JSON object body go flat, one Droplet or many.
export const one = () => dropletsCreate(client, { name: "web-1", region: "nyc3", size: "s-1vcpu-1gb", image: "ubuntu-22-04-x64" });
export const many = () => dropletsCreate(client, { names: ["a", "b"], region: "nyc3", size: "s-1vcpu-1gb", image: 7555620 });
export const byTag = () => dropletActionsPostByTag(client, { tag_name: "web", type: "power_off" });
export const tagged = () => registryDeleteRepositoryTag(client, "example", "my/repo", "latest");

// @ts-expect-error a field the body does not have
export const unknown = () => dropletsCreate(client, { name: "x", size: "s", image: 1, colour: "red" });
// @ts-expect-error a required field missing (region)
export const missing = () => volumesCreate(client, { name: "v", size_gigabytes: 10 });
// @ts-expect-error the fields never go under body
export const nested = () => dropletActionsPost(client, 1, { body: { type: "reboot" } });

// A tagged union narrows by its tag.
export const reboot: DropletActionsPostParams = { type: "reboot" };
export const restore: DropletActionsPostParams = { type: "restore", image: 12389723 };
// @ts-expect-error a reboot takes no image: the tag picks the member
export const wrong: DropletActionsPostParams = { type: "reboot", image: 5 };
// @ts-expect-error not a Droplet action
export const bogus: DropletActionsPostParams = { type: "explode" };
export function imageOf(action: DropletActionsPostParams): number | undefined {
  return action.type === "restore" ? action.image : undefined;
}
`;

/** Every .d.ts of the built package, with its path. */
function declarations(dir: string): [string, string][] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".d.ts"))
    .map((e) => [join(e.parentPath, e.name), readFileSync(join(e.parentPath, e.name), "utf8")]);
}

describe("the built package's types", () => {
  it("take flat bodies, narrow tagged unions and refuse unknown or missing fields, under strict", () => {
    const output = typeCheckConsumer(
      generated,
      join(work, "consumer"),
      { "probes.ts": PROBES },
      { lib: ["ES2022", "DOM"] },
    );
    expect(output).toBe("");
  }, 120_000);

  it.each(["& unknown", "| unknown", "(unknown | unknown)", "WithRequired<"])("contain no %s", (artefact) => {
    const found = declarations(join(generated, "dist"))
      .filter(([, text]) => text.includes(artefact))
      .map(([path]) => path.slice(generated.length + 1));
    expect(found).toEqual([]);
  });
});
