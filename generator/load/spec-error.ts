// The one error the loader throws for bad input: it names the file and, where
// known, the JSON pointer of the offending node.
export class SpecError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly pointer?: string,
  ) {
    super(`${file}${pointer ? ` at ${pointer}` : ""}: ${message}`);
    this.name = "SpecError";
  }
}
