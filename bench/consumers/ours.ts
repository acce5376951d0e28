// The 3-call consumer written with digitalocean-sdk: the lightweight Client and
// standalone functions, each imported from its resource group's path, so the
// type-checker reads only those groups' declarations and a bundler keeps only
// these three operations (with retries, typed errors and auto-pagination,
// which live in the Client).
import { Client, NotFoundError } from "digitalocean-sdk/core";
import { dropletsList } from "digitalocean-sdk/droplets";
import { imagesGet } from "digitalocean-sdk/images";
import { registryDeleteRepositoryTag } from "digitalocean-sdk/registry";

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
  return names;
}
