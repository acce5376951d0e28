// The same 3 calls through the DigitalOcean class, which by design constructs
// every resource group and so keeps all operations in a bundle.
import { DigitalOcean, NotFoundError } from "digitalocean-sdk";

export async function main(token: string): Promise<string[]> {
  const client = new DigitalOcean({ token });
  const names: string[] = [];
  for await (const droplet of client.droplets.list({ per_page: 200 })) names.push(droplet.name);
  const { image } = await client.images.get("ubuntu-22-04-x64");
  names.push(image?.distribution ?? "");
  try {
    await client.registry.deleteRepositoryTag("example", "my/repo", "old");
  } catch (e) {
    if (!(e instanceof NotFoundError)) throw e;
  }
  return names;
}
