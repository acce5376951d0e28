// ours.ts plus one more operation (a POST with a JSON body), to measure what
// each further operation adds to a bundle.
import { Client, NotFoundError } from "digitalocean-sdk/core";
import { dropletsList } from "digitalocean-sdk/droplets";
import { imagesGet } from "digitalocean-sdk/images";
import { registryDeleteRepositoryTag } from "digitalocean-sdk/registry";
import { sshKeysCreate } from "digitalocean-sdk/ssh-keys";

export async function main(token: string): Promise<string[]> {
  const client = new Client({ token });
  const names: string[] = [];
  for await (const droplet of dropletsList(client, { per_page: 200 })) names.push(droplet.name);
  const { image } = await imagesGet(client, "ubuntu-22-04-x64");
  names.push(image?.distribution ?? "");
  try {
    await registryDeleteRepositoryTag(client, "example", "my/repo", "old");
  } catch (e) {
    if (!(e instanceof NotFoundError)) throw e;
  }
  const { ssh_key } = await sshKeysCreate(client, { name: "laptop", public_key: "ssh-ed25519 AAAA" });
  names.push(ssh_key?.name ?? "");
  return names;
}
