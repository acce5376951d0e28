// Step 5: prettier, once, over every generated text file.
import * as prettier from "prettier";

const PARSERS: Readonly<Record<string, string>> = { ".ts": "typescript", ".json": "json", ".md": "markdown" };

export async function formatFiles(files: Map<string, string>): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const [path, text] of files) {
    const ext = path.slice(path.lastIndexOf("."));
    const parser = PARSERS[ext];
    out.set(path, parser ? await prettier.format(text, { parser, printWidth: 100, proseWrap: "preserve" }) : text);
  }
  return out;
}
