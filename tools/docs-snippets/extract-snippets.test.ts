import { describe, expect, it } from 'vitest';
import { extractSnippets } from './extract-snippets';

describe('extractSnippets', () => {
  it('returns each ts block with the line its code starts on', () => {
    const text = [
      '# Title',
      '',
      '```ts',
      'const a = 1;',
      '```',
      '',
      '```sh',
      'echo hi',
      '```',
      '```typescript',
      'let b;',
      '```',
    ].join('\n');
    expect(extractSnippets('doc.md', text)).toEqual([
      { file: 'doc.md', line: 4, code: 'const a = 1;' },
      { file: 'doc.md', line: 11, code: 'let b;' },
    ]);
  });

  it('ignores blocks in other languages', () => {
    expect(extractSnippets('doc.md', '```json\n{}\n```\n')).toEqual([]);
  });
});
