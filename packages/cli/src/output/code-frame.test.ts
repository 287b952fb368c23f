import { describe, expect, it } from 'vitest';
import { codeFrame } from './code-frame';
import { createColors } from './colors';

const plain = createColors(false);
const text = ['{', '  "StartAt": "A",', '  "States": {', '    "A": { "Type": "Pas" }', '  }', '}'].join('\n');

describe('codeFrame', () => {
  it('marks the line with ">" and the column with "^", with two lines of context', () => {
    expect(codeFrame(text, 4, 12, { colors: plain })).toBe(
      [
        '  2 |   "StartAt": "A",',
        '  3 |   "States": {',
        '> 4 |     "A": { "Type": "Pas" }',
        '    |            ^',
        '  5 |   }',
        '  6 | }',
      ].join('\n'),
    );
  });

  it('stops at the edges of the file', () => {
    expect(codeFrame(text, 1, 1, { colors: plain, context: 1 })).toBe(
      ['> 1 | {', '    | ^', '  2 |   "StartAt": "A",'].join('\n'),
    );
  });

  it('pads the gutter to the widest line number', () => {
    const long = Array.from({ length: 12 }, (_, i) => `line ${i + 1}`).join('\n');
    expect(codeFrame(long, 10, 1, { colors: plain, context: 1 }).split('\n')[0]).toBe('   9 | line 9');
  });
});
