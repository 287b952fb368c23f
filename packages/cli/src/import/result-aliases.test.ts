import { describe, expect, it } from 'vitest';
import { resultAliases } from './result-aliases';

describe('resultAliases', () => {
  it('pairs each field a ResultSelector copies with where ResultPath puts it', () => {
    const state = {
      Type: 'Task',
      ResultSelector: { 'valid.$': '$.Payload.valid', nested: { 'odd key.$': '$.x' }, fixed: 1 },
      ResultPath: '$.check',
    };
    expect(resultAliases(state)).toEqual([
      ['$.check.valid', '$.Payload.valid'],
      ["$.check.nested['odd key']", '$.x'],
    ]);
  });

  it('reads a Pass state’s Parameters the same way, placed at the root by default', () => {
    expect(resultAliases({ Type: 'Pass', Parameters: { 'id.$': '$.order.id', 'all.$': '$' } })).toEqual([
      ['$.id', '$.order.id'],
    ]);
    expect(resultAliases({ Type: 'Task', Parameters: { 'id.$': '$.order.id' } })).toEqual([]);
    expect(resultAliases({ Type: 'Pass', Parameters: { 'id.$': '$.a' }, ResultPath: null })).toEqual([]);
  });
});
