import { describe, expect, it } from 'vitest';
import { jsonString } from './json-string';

describe('jsonString', () => {
  it('gives what JSON.stringify gives, escaped or not', () => {
    const texts = [
      '',
      'null',
      '12.5',
      ':1',
      '/0.2:3',
      '{"a":1}',
      'back\\slash',
      'tab\there',
      '\u0000',
      'é ✓ \u2028',
      'pair 😀',
      'lone \ud800 high',
      'lone \udc00 low',
    ];
    for (const text of texts) expect(jsonString(text)).toBe(JSON.stringify(text));
  });
});
