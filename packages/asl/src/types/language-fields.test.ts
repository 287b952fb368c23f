import { describe, expect, it } from 'vitest';
import { JSONATA_ONLY_FIELDS, JSONPATH_ONLY_FIELDS } from './language-fields';
import { STATE_TYPES } from './state-types';

describe('query-language-only field sets', () => {
  it('cover every state type', () => {
    expect(Object.keys(JSONPATH_ONLY_FIELDS).sort()).toEqual([...STATE_TYPES].sort());
    expect(Object.keys(JSONATA_ONLY_FIELDS).sort()).toEqual([...STATE_TYPES].sort());
  });

  it('never list a field as belonging to both languages', () => {
    for (const type of STATE_TYPES) {
      const both = [...JSONPATH_ONLY_FIELDS[type]].filter((f) => JSONATA_ONLY_FIELDS[type].has(f));
      expect(both, type).toEqual([]);
    }
  });

  it('tell a validator which language a misplaced field belongs to', () => {
    expect(JSONPATH_ONLY_FIELDS.Task.has('ResultSelector')).toBe(true);
    expect(JSONATA_ONLY_FIELDS.Map.has('Items')).toBe(true);
    expect(JSONPATH_ONLY_FIELDS.Map.has('Items')).toBe(false);
  });
});
