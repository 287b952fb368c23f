import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from './diagnostic-codes';
import { INVALID_DEFINITIONS } from './invalid-definitions';
import { validate } from './validate';

describe('the invalid-definition table', () => {
  it('has at least 60 entries with distinct names', () => {
    expect(INVALID_DEFINITIONS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(INVALID_DEFINITIONS.map((e) => e.name)).size).toBe(INVALID_DEFINITIONS.length);
  });

  it('exercises every diagnostic code', () => {
    const covered = new Set(INVALID_DEFINITIONS.map((e) => e.code));
    expect(
      Object.keys(DIAGNOSTIC_CODES).filter((code) => !covered.has(code as keyof typeof DIAGNOSTIC_CODES)),
    ).toEqual([]);
  });
});

const WARNINGS: ReadonlySet<string> = new Set(['NO_DOLLAR', 'PASS_RESULT_IS_STATIC']);

describe.each(INVALID_DEFINITIONS)('validate: $name', ({ definition, code, location }) => {
  it(`reports ${code} at "${location}"`, () => {
    const result = validate(definition);
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ code, location }));
    const severity = WARNINGS.has(code) ? 'WARNING' : 'ERROR';
    expect(result.diagnostics.find((d) => d.code === code && d.location === location)?.severity).toBe(
      severity,
    );
    if (severity === 'ERROR') expect(result.ok).toBe(false);
  });
});
