// The 3-call consumer written with @digitalocean/dots (Kiota). Pagination is by
// hand; dots types image ids as numbers only, so a slug needs a cast.
import { FetchRequestAdapter } from "@microsoft/kiota-http-fetchlibrary";
import {
  createDigitalOceanClient,
  DigitalOceanApiKeyAuthenticationProvider,
} from "@digitalocean/dots";

export async function main(token: string): Promise<string[]> {
  const adapter = new FetchRequestAdapter(new DigitalOceanApiKeyAuthenticationProvider(token));
  const client = createDigitalOceanClient(adapter);
  const names: string[] = [];
  for (let page = 1; ; page++) {
    const res = await client.v2.droplets.get({ queryParameters: { perPage: 200, page } });
    for (const droplet of res?.droplets ?? []) names.push(droplet.name ?? "");
    if (!res?.links?.pages || !("next" in res.links.pages)) break;
  }
  const res = await client.v2.images.byImage_id("ubuntu-22-04-x64" as unknown as number).get();
  names.push(res?.image?.distribution ?? "");
  try {
    await client.v2.registry
      .byRegistry_name("example")
      .repositories.byRepository_name("my/repo")
      .tags.byRepository_tag("old")
      .delete();
  } catch (e) {
    if ((e as { responseStatusCode?: number }).responseStatusCode != 404) throw e;
  }
  return names;
}
