// Where an operation is sent and with which credential. Most go to the
// document's server (the client's `baseUrl`) with the API token. DigitalOcean's
// newer spec adds operations with their own `servers` (serverless inference at
// https://inference.do-ai.run; an agent at `https://{agent_url}`), one whose
// target is only known at run time (server `https://`, path `/<upload_url>`: a
// presigned upload URL the API returned), and per-operation `security`
// (`inference_bearer_auth`; `security: []` for the presigned URL).
import type { Credential } from "../load/spec-data.ts";
import type { NameRegistry } from "../naming/registry.ts";
import { camelCase, splitWords } from "../naming/words.ts";
import {
  HOSTLESS_SERVER,
  type OpenApiDocument,
  type OperationObject,
  type PathItemObject,
  RUN_TIME_PATH,
  type SchemaOrRef,
} from "../openapi.ts";

export interface ServerVariableInfo {
  /** As in the URL template: `{agent_url}`. */
  name: string;
  /** The function argument that fills it. */
  argName: string;
  description?: string;
  schema: SchemaOrRef;
}

export interface ServerInfo {
  /** The URL template as the spec writes it (the key of the client's `servers` option). */
  url: string;
  /** Variables whose default is only a placeholder: arguments of the call, before the path parameters. Others are filled in. */
  variables: ServerVariableInfo[];
}

export interface Target {
  /** The operation's own server; absent: the client's `baseUrl`. */
  server?: ServerInfo;
  /** The target is given at run time: the call's first argument is the full URL, sent to verbatim. */
  urlArgument?: { name: string; argName: string; description?: string };
}

export class TransportError extends Error {
  override name = "TransportError";
}

/** A default that only stands for a value to fill in (`{your-agent-url}`, `<agent url>`, empty). */
export function isPlaceholder(value: unknown): boolean {
  return typeof value !== "string" || value === "" || /[{}<>]|^your\b/i.test(value);
}

export function describeTarget(
  doc: OpenApiDocument,
  pathItem: PathItemObject,
  operation: OperationObject,
  path: string,
  argNames: NameRegistry,
): Target {
  const server = (operation.servers ?? pathItem.servers)?.[0];
  const documentServer = doc.servers?.[0]?.url;
  const where = `${operation.operationId ?? path}`;
  const runTime = RUN_TIME_PATH.exec(path);
  if (server && HOSTLESS_SERVER.test(server.url)) {
    if (!runTime)
      throw new TransportError(`${where}: server ${server.url} has no host, so its path must be /<url argument>`);
    const name = runTime[1]!;
    const argName = argNames.claim([camelCase(splitWords(name)), "url"], `run-time target ${name}`);
    return { urlArgument: { name, argName, description: server.description } };
  }
  if (runTime) throw new TransportError(`${where}: path ${path} names a run-time target, but its server has a host`);
  if (!server || server.url === documentServer) return {};
  let url = server.url;
  const variables: ServerVariableInfo[] = [];
  for (const [, name] of server.url.matchAll(/\{([^{}]+)\}/g)) {
    const variable = server.variables?.[name!];
    if (!variable) throw new TransportError(`${where}: server ${server.url} has {${name}} but no variable "${name}"`);
    if (isPlaceholder(variable.default)) {
      const argName = argNames.claim(
        [camelCase(splitWords(name!)), `${camelCase(splitWords(name!))}Value`],
        `server variable ${name}`,
      );
      const schema = variable.enum ? { type: "string", enum: variable.enum } : { type: "string" };
      variables.push({ name: name!, argName, description: variable.description, schema: schema as SchemaOrRef });
    } else {
      // A usable default: the server is that URL (the client's `servers` option can send it elsewhere).
      url = url.replace(`{${name}}`, variable.default);
    }
  }
  return { server: { url: variables.length ? server.url : url, variables } };
}

/**
 * The credential an operation sends: the one its first security requirement
 * names (`security` of its own, else the document's), none for `security: []`,
 * the API token where the spec says nothing.
 */
export function describeAuth(
  doc: OpenApiDocument,
  operation: OperationObject,
  credentials: Readonly<Record<string, Credential>>,
): Credential | null {
  const requirements = operation.security ?? doc.security;
  if (requirements === undefined) return "token";
  const first = requirements[0];
  if (first === undefined) return null;
  const schemes = Object.keys(first);
  const where = operation.operationId ?? "an operation";
  if (schemes.length === 0) return null;
  if (schemes.length > 1)
    throw new TransportError(
      `${where}: its security requirement combines ${schemes.join(" and ")}; the SDK sends one credential`,
    );
  const credential = credentials[schemes[0]!];
  if (credential === undefined)
    throw new TransportError(
      `${where}: security scheme "${schemes[0]}" has no credential in spec/credentials.json (add it: "${schemes[0]}": "token" or "modelAccessKey")`,
    );
  return credential;
}
