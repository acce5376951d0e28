// Step 5: prettier, once, over every generated source and document. JSON is
// written by JSON.stringify in its final layout already, and prettier on the
// 4 MB normalised spec would be the slowest part of a run for no change.
import * as prettier from "prettier";

const PARSERS: Readonly<Record<string, string>> = { ".ts": "typescript", ".md": "markdown" };

export async function formatFiles(
  files: Map<string, string>,
  fileTimes?: Map<string, number>,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const [path, text] of files) {
    const ext = path.slice(path.lastIndexOf("."));
    const parser = PARSERS[ext];
    const started = performance.now();
    out.set(path, parser ? await prettier.format(text, { parser, printWidth: 100, proseWrap: "preserve" }) : text);
    if (fileTimes && parser) fileTimes.set(path, (fileTimes.get(path) ?? 0) + performance.now() - started);
  }
  return out;
}
