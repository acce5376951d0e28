// The 3-call consumer written with openapi-fetch over the types openapi-typescript
// generates (./schema.d.ts, written by the generation benchmark). Pagination and
// error checks are by hand: openapi-fetch has neither built in, nor retries.
import createClient from "openapi-fetch";
import type { paths } from "./schema.js";

export async function main(token: string): Promise<string[]> {
  const client = createClient<paths>({
    baseUrl: "https://api.digitalocean.com",
    headers: { Authorization: `Bearer ${token}` },
  });
  const names: string[] = [];
  for (let page = 1; ; page++) {
    const { data, error } = await client.GET("/v2/droplets", {
      params: { query: { per_page: 200, page } },
    });
    if (error) throw new Error(`listing Droplets failed: ${error.message}`);
    for (const droplet of data.droplets ?? []) names.push(droplet.name);
    if (!data.links?.pages || !("next" in data.links.pages)) break;
  }
  const image = await client.GET("/v2/images/{image_id}", {
    params: { path: { image_id: "ubuntu-22-04-x64" } },
  });
  if (image.error) throw new Error(`getting the image failed: ${image.error.message}`);
  names.push(image.data?.image?.distribution ?? "");
  const deleted = await client.DELETE(
    "/v2/registry/{registry_name}/{repository_name}/tags/{repository_tag}",
    { params: { path: { registry_name: "example", repository_name: "my/repo", repository_tag: "old" } } },
  );
  if (deleted.error && deleted.response.status != 404)
    throw new Error(`deleting the tag failed: ${deleted.error.message}`);
  return names;
}
