import { describe, expect, it } from 'vitest';
import { ruleCode } from './choice-code';

describe('ruleCode', () => {
  it('writes a type test as a builder condition', () => {
    const helpers = new Set<string>();
    expect(ruleCode({ Variable: '$.x', IsNull: true }, helpers)).toMatchObject({
      code: 'test(s.x, isNull())',
      single: { path: '$.x', condition: 'isNull()' },
    });
    expect([...helpers].sort()).toEqual(['isNull', 'test']);
  });

  it.each(['toString', 'constructor', '__proto__'])('has no code for a rule field named %s', (field) => {
    const helpers = new Set<string>();
    expect(ruleCode(JSON.parse(`{"Variable":"$.x","${field}":true}`), helpers)).toBeUndefined();
    expect([...helpers]).toEqual([]);
  });
});
