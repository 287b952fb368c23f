import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderAslJsonSchema, toAslJsonSchema } from './to-json-schema';

const checkedIn = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../asl.schema.json');

describe('asl.schema.json', () => {
  it('is what the generator produces now (run `pnpm generate:schema` after changing the schema)', () => {
    expect(readFileSync(checkedIn, 'utf8')).toBe(renderAslJsonSchema());
  });

  it('is JSON Schema 2020-12 with named definitions for the recursive parts', () => {
    const schema = JSON.parse(readFileSync(checkedIn, 'utf8')) as Record<string, unknown>;
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(Object.keys(schema.$defs as object).sort()).toEqual([
      'JsonPathMachineState',
      'JsonPathNestedChoiceRule',
      'JsonValue',
      'JsonataMachineState',
    ]);
  });

  it('closes state objects to unknown fields, as the zod schema does', () => {
    const text = JSON.stringify(toAslJsonSchema());
    expect(text).toContain('"additionalProperties":false');
    expect(text).not.toContain('__schema');
  });
});
