import { readFileSync } from 'node:fs';

export interface Snippet {
  /** The Markdown file the snippet comes from. */
  readonly file: string;
  /** 1-based line of the snippet's first code line in that file. */
  readonly line: number;
  readonly code: string;
}

const FENCE = /^```(\w*)\s*$/;

/** Every ```ts block of a Markdown file, with where it starts. */
export function extractSnippets(file: string, text = readFileSync(file, 'utf8')): Snippet[] {
  const snippets: Snippet[] = [];
  const lines = text.split('\n');
  let open: { language: string; line: number; body: string[] } | undefined;
  lines.forEach((raw, index) => {
    const fence = FENCE.exec(raw.trim());
    if (!open) {
      if (fence) open = { language: fence[1] ?? '', line: index + 2, body: [] };
      return;
    }
    if (fence && fence[1] === '') {
      if (open.language === 'ts' || open.language === 'typescript') {
        snippets.push({ file, line: open.line, code: open.body.join('\n') });
      }
      open = undefined;
      return;
    }
    open.body.push(raw);
  });
  return snippets;
}
