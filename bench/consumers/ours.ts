// The 3-call consumer written with digitalocean-sdk: the lightweight Client and
// standalone functions, so a bundler keeps only these three operations (with
// retries, typed errors and auto-pagination, which live in the Client).
import {
  Client,
  NotFoundError,
  dropletsList,
  imagesGet,
  registryDeleteRepositoryTag,
} from "digitalocean-sdk";

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
