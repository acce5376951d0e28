// Throwaway consumer projects of the packed SDK: each is a directory with its
// own package.json, tsconfig and one source file, installed from the tarball
// exactly as a user would, then type-checked (strict, skipLibCheck off) and run.
import { join } from "node:path";

export const root = join(import.meta.dirname, "../../..");
export const nodeTypes = join(root, "node_modules/@types");

/** What every consumer prints after its calls, as one JSON line. */
/** Requests each consumer makes. */
export const expectedCalls: Record<string, number> = { "typescript-node16": 4 };

export const expectedOutput = {
  email: "sammy@example.com",
  droplets: 25,
  sameViaFunction: true,
  notFound: "NotFoundError",
  isSdkError: true,
};

export interface Consumer {
  name: string;
  files: Record<string, string>;
  /** The file node runs (after tsc emitted it, for TypeScript consumers). */
  entry: string;
}

const strict = {
  strict: true,
  skipLibCheck: false,
  noEmitOnError: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
};

// Shared body of the calls, in plain JavaScript so every consumer runs the same checks.
const calls = (baseUrl: string) => `
  const client = new DigitalOcean({ token: "consumer-token", baseUrl: ${baseUrl}, maxRetries: 0 });
  const { account } = await client.account.get();
  const direct = await accountGet(client);
  let notFound = "";
  let isSdkError = false;
  try {
    await client.images.get(404);
  } catch (error) {
    if (error instanceof NotFoundError) notFound = error.name;
    isSdkError = error instanceof DigitalOceanError;
  }
  console.log(JSON.stringify({ email: account?.email, droplets: account?.droplet_limit, sameViaFunction: direct.account?.email === account?.email, notFound, isSdkError }));
`;

// The same calls through the package's import paths: the Client and errors
// from /core, each operation from its resource group's path.
const pathCalls = (baseUrl: string) => `
  const client = new Client({ token: "consumer-token", baseUrl: ${baseUrl}, maxRetries: 0 });
  const { account } = await accountGet(client);
  const direct = await accountGet(client);
  let notFound = "";
  let isSdkError = false;
  try {
    await imagesGet(client, 404);
  } catch (error) {
    if (error instanceof NotFoundError) notFound = error.name;
    isSdkError = error instanceof DigitalOceanError;
  }
  console.log(JSON.stringify({ email: account?.email, droplets: account?.droplet_limit, sameViaFunction: direct.account?.email === account?.email, notFound, isSdkError }));
`;

// A wrong argument type must be an error, or the types would be \`any\` in disguise (never called).
const typeProbe = `
function probe() {
  // @ts-expect-error an image id is a number or a string, not an object
  return imagesGet(new DigitalOcean({ token: "t" }), { id: 1 });
}
void probe;
`;

const pathProbe = `
function probe() {
  // @ts-expect-error an image id is a number or a string, not an object
  return imagesGet(new Client({ token: "t" }), { id: 1 });
}
void probe;
`;

/** A JavaScript consumer's tsconfig: its index.js checked as strictly as TypeScript, under node16 resolution. */
const checkedJavaScript = JSON.stringify({
  compilerOptions: {
    ...strict,
    module: "nodenext",
    moduleResolution: "nodenext",
    target: "es2022",
    allowJs: true,
    checkJs: true,
    noEmit: true,
    types: ["node"],
    typeRoots: [nodeTypes],
  },
  files: ["index.js"],
});

export const consumers: Consumer[] = [
  {
    name: "esm-javascript",
    entry: "index.js",
    files: {
      "package.json": JSON.stringify({ name: "consumer-esm", private: true, type: "module" }),
      "tsconfig.json": checkedJavaScript,
      "index.js": `// @ts-check\nimport { DigitalOcean, DigitalOceanError, NotFoundError, accountGet, imagesGet } from "digitalocean-sdk";\n${typeProbe}${calls("process.argv[2]")}`,
    },
  },
  {
    name: "commonjs-javascript",
    entry: "index.js",
    files: {
      "package.json": JSON.stringify({ name: "consumer-cjs", private: true, type: "commonjs" }),
      "tsconfig.json": checkedJavaScript,
      "index.js": `// @ts-check\nconst { DigitalOcean, DigitalOceanError, NotFoundError, accountGet, imagesGet } = require("digitalocean-sdk");\n${typeProbe}\nasync function main() {${calls("process.argv[2]")}}\nmain().catch((error) => {\n  console.error(error);\n  process.exitCode = 1;\n});\n`,
    },
  },
  {
    name: "typescript-node16",
    entry: "out/index.js",
    files: {
      "package.json": JSON.stringify({ name: "consumer-ts-node16", private: true, type: "module" }),
      "tsconfig.json": JSON.stringify({
        compilerOptions: {
          ...strict,
          module: "node16",
          moduleResolution: "node16",
          target: "es2022",
          outDir: "out",
          types: ["node"],
          typeRoots: [nodeTypes],
        },
        files: ["index.ts"],
      }),
      "index.ts": `import { DigitalOcean, DigitalOceanError, NotFoundError, accountGet, imagesGet, type AccountGetResponse } from "digitalocean-sdk";\n${typeProbe}\nconst typed: AccountGetResponse = await accountGet(new DigitalOcean({ token: "consumer-token", baseUrl: process.argv[2] }));\nconst email: string | undefined = typed.account?.email;\nvoid email;\n${calls("process.argv[2]")}`,
    },
  },
  {
    name: "typescript-bundler",
    entry: "out/index.js",
    files: {
      // A browser-style project: DOM types and no Node types, so the SDK's declarations must not need @types/node.
      "package.json": JSON.stringify({ name: "consumer-ts-bundler", private: true, type: "module" }),
      "tsconfig.json": JSON.stringify({
        compilerOptions: {
          ...strict,
          module: "esnext",
          moduleResolution: "bundler",
          target: "es2022",
          lib: ["es2022", "dom"],
          types: [],
          outDir: "out",
        },
        files: ["index.ts"],
      }),
      "index.ts": `import { DigitalOcean, DigitalOceanError, NotFoundError, accountGet, imagesGet } from "digitalocean-sdk";\n${typeProbe}\nconst baseUrl = (globalThis as unknown as { process: { argv: string[] } }).process.argv[2];\n${calls("baseUrl")}`,
    },
  },
  {
    name: "typescript-node16-import-paths",
    entry: "out/index.js",
    files: {
      "package.json": JSON.stringify({ name: "consumer-ts-node16-paths", private: true, type: "module" }),
      "tsconfig.json": JSON.stringify({
        compilerOptions: {
          ...strict,
          module: "node16",
          moduleResolution: "node16",
          target: "es2022",
          outDir: "out",
          types: ["node"],
          typeRoots: [nodeTypes],
        },
        files: ["index.ts"],
      }),
      "index.ts": `import { Client, DigitalOceanError, NotFoundError } from "digitalocean-sdk/core";\nimport { accountGet } from "digitalocean-sdk/account";\nimport { imagesGet } from "digitalocean-sdk/images";\n${pathProbe}${pathCalls("process.argv[2]")}`,
    },
  },
  {
    name: "commonjs-javascript-import-paths",
    entry: "index.js",
    files: {
      "package.json": JSON.stringify({ name: "consumer-cjs-paths", private: true, type: "commonjs" }),
      "tsconfig.json": checkedJavaScript,
      "index.js": `// @ts-check\nconst { Client, DigitalOceanError, NotFoundError } = require("digitalocean-sdk/core");\nconst { accountGet } = require("digitalocean-sdk/account");\nconst { imagesGet } = require("digitalocean-sdk/images");\n${pathProbe}\nasync function main() {${pathCalls("process.argv[2]")}}\nmain().catch((error) => {\n  console.error(error);\n  process.exitCode = 1;\n});\n`,
    },
  },
];
