// Operations that do not send to the client's baseUrl: the inference
// endpoints and agents have a server of their own, a presigned upload sends to
// the URL an earlier call returned. Their descriptors name serverTarget or
// urlTarget, so only apps that import such an operation bundle this code.
import { fillPath, opName, type Target } from "./build-request.js";
import { ArgumentError, ConfigurationError } from "./errors.js";
import type { Operation } from "./operation.js";
import { isHttpUrl } from "./options.js";

/**
 * The operation's own server with its variables filled from the first path
 * arguments. A value fills one host name or segment: it may not add a scheme,
 * path, query, fragment or credentials, so it cannot send the request elsewhere.
 */
function serverBase({ url, variables = [] }: NonNullable<Operation["server"]>, pathArgs: readonly unknown[]): string {
  const base = url.replace(/\{([^}]*)\}/g, (_, name: string) => {
    const value = pathArgs[variables.indexOf(name)];
    if (typeof value === "string" && /^[^\s/?#@\\]+$/.test(value)) return value;
    throw new ArgumentError(
      `Server variable "${name}" must be a host name or segment, without "/", "?", "#", "@", "\\" or spaces`,
    );
  });
  if (isHttpUrl(base)) return base;
  throw new ArgumentError(`Server variables of ${url} must make an http(s) URL`);
}

/** `url`, once sure that an operation sending the API token sends it only to the API's origin (`baseUrl`'s). */
function tokenStaysHome(op: Operation, url: string, baseUrl: string): string {
  if ((op.auth === undefined || op.auth === "token") && new URL(url).origin !== new URL(baseUrl).origin)
    throw new ConfigurationError(`${opName(op)} would send the API token to another origin than the API's`);
  return url;
}

/**
 * The operation's `server`, or the base URL the `servers` option maps it to
 * (which ignores the server's variables); the variables take the first path
 * arguments, before the path parameters'.
 */
export const serverTarget: Target = {
  url(op, pathArgs, baseUrl, servers) {
    const server = op.server!;
    const base = servers?.[server.url] ?? serverBase(server, pathArgs);
    return tokenStaysHome(op, fillPath(base, op, pathArgs, server.variables?.length ?? 0), baseUrl);
  },
};

/**
 * The first path argument, an absolute http(s) URL used verbatim (a presigned
 * upload URL). Its query is a signature: it and each value in it long enough
 * to be a secret, as sent and decoded (a server may echo one part of it), are
 * kept out of every error, hook and log line.
 */
export const urlTarget: Target = {
  url(op, [url], baseUrl) {
    // The message never repeats the value: a presigned URL's query is a credential.
    if (!isHttpUrl(url)) throw new ArgumentError(`The target URL of ${opName(op)} must be an absolute http(s) URL`);
    return tokenStaysHome(op, url as string, baseUrl);
  },
  secrets(url) {
    const query = url.slice(url.indexOf("?"));
    const secrets = [query];
    for (const pair of query.slice(1).split("&")) {
      const value = pair.slice(pair.indexOf("=") + 1);
      if (value.length < 8) continue;
      secrets.push(value);
      try {
        secrets.push(decodeURIComponent(value.replace(/\+/g, " ")));
      } catch {
        // Not percent-encoded text: the value as sent is covered.
      }
    }
    return secrets;
  },
};
