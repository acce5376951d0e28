// The package's version, sent in the default User-Agent. The generator keeps
// it equal to the version in the generated package.json.
export const VERSION = "0.1.0";
