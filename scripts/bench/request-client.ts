// One client process of the request-overhead benchmark: warms up, then times
// N sequential calls and N calls at concurrency C of the same small GET, and
// prints its own CPU (process.cpuUsage) and wall time as one JSON line.
// Usage: request-client.ts <fetch|ours|openapi-fetch|dots> <baseUrl> <sdk entry URL> <N> <C>
type Call = () => Promise<unknown>;

// Imported by computed name: the comparison packages live in scripts/bench and
// may be missing when the project itself is type-checked.
// biome-ignore lint/suspicious/noExplicitAny: peers are loaded by name at run time; each call site knows its shape
const load = (specifier: string): Promise<any> => import(specifier);

async function makeCall(kind: string, baseUrl: string, sdkEntry: string): Promise<Call> {
  const token = "bench-token";
  switch (kind) {
    case "fetch":
      return async () => {
        const res = await fetch(`${baseUrl}/v2/images/123`, {
          headers: { authorization: `Bearer ${token}`, accept: "application/json" },
        });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        return res.json();
      };
    case "ours": {
      const sdk = await load(sdkEntry);
      const client = new sdk.Client({ token, baseUrl });
      return () => sdk.imagesGet(client, 123);
    }
    case "openapi-fetch": {
      const createClient = (await load("openapi-fetch")).default;
      const client = createClient({ baseUrl, headers: { Authorization: `Bearer ${token}` } });
      return async () => {
        const { data, error } = await client.GET("/v2/images/{image_id}", {
          params: { path: { image_id: 123 } },
        });
        if (error) throw new Error(String(error));
        return data;
      };
    }
    case "dots": {
      const kiota = await load("@microsoft/kiota-http-fetchlibrary");
      const dots = await load("@digitalocean/dots");
      const adapter = new kiota.FetchRequestAdapter(new dots.DigitalOceanApiKeyAuthenticationProvider(token));
      adapter.baseUrl = baseUrl;
      const client = dots.createDigitalOceanClient(adapter);
      return () => client.v2.images.byImage_id(123).get();
    }
  }
  throw new Error(`unknown client ${kind}`);
}

async function timed(call: Call, count: number, concurrency: number) {
  let started = 0;
  const worker = async () => {
    while (started < count) {
      started++;
      await call();
    }
  };
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const cpu = process.cpuUsage(cpu0);
  return { cpuMs: (cpu.user + cpu.system) / 1000, wallMs: performance.now() - t0 };
}

const [kind = "", baseUrl = "", sdkEntry = "", n = "10000", c = "50"] = process.argv.slice(2);
const call = await makeCall(kind, baseUrl, sdkEntry);
await timed(call, 1000, 10); // JIT warm-up, connections opened
const sequential = await timed(call, Number(n), 1);
const concurrent = await timed(call, Number(n), Number(c));
console.log(JSON.stringify({ kind, sequential, concurrent }));
