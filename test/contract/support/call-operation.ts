// Calls one operation through its public generated function, the way a user
// would, and keeps what went over the wire so that a failure message can say
// exactly which request Prism refused and why (its sl-violations header).
import * as sdk from "../../../generated/dist/esm/index.js";
import type { CallArguments } from "./arguments.ts";
import type { ContractOperation } from "./contract-spec.ts";

export interface Sent {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
}

export interface CallResult {
  status: number;
  data: unknown;
  contentType: string | null;
}

type OperationFunction = (client: sdk.Client, ...args: unknown[]) => sdk.APIPromise<unknown>;

export function operationFunction(op: ContractOperation): OperationFunction {
  const fn = (sdk as unknown as Record<string, unknown>)[op.info.functionName];
  if (typeof fn !== "function") throw new Error(`the SDK exports no function ${op.info.functionName} for ${op.key}`);
  return fn as OperationFunction;
}

/**
 * A client for the mock, recording each request it sends; `maxRetries: 0` so
 * a 5xx surfaces at once. The operation's own server (the inference host, an
 * agent's host) is mapped to the mock too, and it has each credential.
 */
export function contractClient(baseUrl: string, op?: ContractOperation): { client: sdk.Client; sent: Sent[] } {
  const sent: Sent[] = [];
  const recording = (url: string, init: RequestInit) => {
    sent.push({
      method: String(init.method),
      url,
      headers: { ...(init.headers as Record<string, string>), authorization: "Bearer [REDACTED]" },
      body: typeof init.body === "string" ? init.body : undefined,
    });
    return fetch(url, init);
  };
  // One connection per request: a worker busy compiling schemas can miss Prism's 5 s keep-alive
  // deadline and reuse a socket the server is closing (ECONNRESET), which says nothing about the SDK.
  const headers = { connection: "close" };
  return {
    client: new sdk.DigitalOcean({
      token: "test-token",
      modelAccessKey: "test-model-access-key",
      baseUrl,
      servers: op?.info.server ? { [op.info.server.url]: baseUrl } : {},
      maxRetries: 0,
      fetch: recording,
      headers,
    }),
    sent,
  };
}

/** Calls the operation's function with the given arguments and per-request headers (e.g. Prism's `Prefer`). */
export async function callOperation(
  client: sdk.Client,
  op: ContractOperation,
  args: CallArguments,
  headers: Record<string, string> = {},
): Promise<CallResult> {
  const fn = operationFunction(op);
  const options: sdk.RequestOptions = { headers, maxRetries: 0 };
  const call = op.info.typeNames.params
    ? fn(client, ...args.pathArgs, args.params, options)
    : fn(client, ...args.pathArgs, options);
  const { data, response } = await call.withResponse();
  return { status: response.status, data, contentType: response.headers.get("content-type") };
}

/** What a failing test prints: the requests sent and, for an HTTP error, Prism's reasons. */
export function describeFailure(op: ContractOperation, sent: readonly Sent[], error: unknown): string {
  const lines = [`${op.info.functionName} (${op.info.operationId}, ${op.key})`];
  for (const s of sent) {
    lines.push(`  sent: ${s.method} ${s.url}`);
    lines.push(`  headers: ${JSON.stringify(s.headers)}`);
    if (s.body !== undefined) lines.push(`  body: ${s.body.length > 2000 ? s.body.slice(0, 2000) + "…" : s.body}`);
  }
  if (error instanceof sdk.DigitalOceanError) {
    lines.push(`  got: ${error.name} ${error.status ?? ""} ${error.message}`);
    const violations = error.headers?.["sl-violations"];
    if (violations) lines.push(`  prism: ${violations}`);
    // Transport failures: fetch's own reason (reset, refused) sits in the cause chain.
    for (let cause = error.cause; cause instanceof Error; cause = cause.cause)
      lines.push(`  cause: ${cause.message} ${(cause as { code?: string }).code ?? ""}`);
  } else lines.push(`  got: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return lines.join("\n");
}
