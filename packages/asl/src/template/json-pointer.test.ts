import { describe, expect, it } from 'vitest';
import { appendPointer } from './json-pointer';

describe('appendPointer', () => {
  it('appends names and indices, escaping ~ and / as RFC 6901 requires', () => {
    expect(appendPointer('', 'a')).toBe('/a');
    expect(appendPointer('/a', 0)).toBe('/a/0');
    expect(appendPointer('', 'x/y~z')).toBe('/x~1y~0z');
  });
});
