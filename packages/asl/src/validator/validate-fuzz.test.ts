import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCorpusDefinitions } from './corpus-definitions';
import type { ValidationResult } from './diagnostic';
import { DIAGNOSTIC_CODES } from './diagnostic-codes';
import { mutate, mutationArbitrary } from './fuzz-mutations';
import { isJsonPointer, resolvePointer } from './json-pointer';
import { validate } from './validate';

const corpus = loadCorpusDefinitions().map(({ definition }) => definition);
const fallback = [{ StartAt: 'A', States: { A: { Type: 'Pass', End: true } } }];
const seeds = corpus.length > 0 ? corpus : fallback;

/** A result is well formed when it is consistent and points only at places that exist in the input. */
function expectWellFormed(input: unknown, result: ValidationResult): void {
  expect(typeof result.ok).toBe('boolean');
  expect(result.ok).toBe(!result.diagnostics.some((d) => d.severity === 'ERROR'));
  for (const diagnostic of result.diagnostics) {
    expect(Object.hasOwn(DIAGNOSTIC_CODES, diagnostic.code)).toBe(true);
    expect(['ERROR', 'WARNING']).toContain(diagnostic.severity);
    expect(diagnostic.message.length).toBeGreaterThan(0);
    // The safety net of validate() must never be what answers a JSON value.
    expect(diagnostic.message).not.toBe('The definition could not be validated.');
    expect(isJsonPointer(diagnostic.location)).toBe(true);
    expect(resolvePointer(input, diagnostic.location).found).toBe(true);
  }
}

describe('validate never throws and always answers well formed', () => {
  it('on 4,000 random JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => expectWellFormed(value, validate(value))),
      { numRuns: 4_000 },
    );
  });

  it('on 2,000 random objects shaped like state machines', () => {
    const state = fc.record(
      {
        Type: fc.constantFrom('Pass', 'Task', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map', 'X'),
        Next: fc.string(),
        End: fc.boolean(),
      },
      { requiredKeys: ['Type'] },
    );
    const machine = fc.record({
      StartAt: fc.string({ maxLength: 3 }),
      States: fc.dictionary(fc.string({ maxLength: 3 }), state),
    });
    fc.assert(
      fc.property(machine, (value) => expectWellFormed(value, validate(value))),
      { numRuns: 2_000 },
    );
  });

  it('on 6,000 mutations of corpus definitions', () => {
    const mutated = fc
      .tuple(fc.nat({ max: seeds.length - 1 }), fc.array(mutationArbitrary, { minLength: 1, maxLength: 4 }))
      .map(([index, mutations]) => mutate(seeds[index], mutations));
    fc.assert(
      fc.property(mutated, (value) => expectWellFormed(value, validate(value))),
      { numRuns: 6_000 },
    );
  });
});
