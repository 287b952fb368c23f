import { describe, expect, it } from 'vitest';
import { validate } from './validate';

const valid = {
  Comment: 'Orders',
  StartAt: 'Check Inventory',
  States: {
    'Check Inventory': {
      Type: 'Choice',
      Choices: [{ Variable: '$.count', NumericGreaterThan: 0, Next: 'Ship' }],
      Default: 'Out Of Stock',
    },
    Ship: {
      Type: 'Parallel',
      Branches: [{ StartAt: 'Label', States: { Label: { Type: 'Pass', End: true } } }],
      Next: 'Done',
    },
    'Out Of Stock': { Type: 'Fail', Error: 'OutOfStock' },
    Done: { Type: 'Succeed' },
  },
};

describe('validate', () => {
  it('accepts a correct machine with no diagnostics', () => {
    expect(validate(valid)).toEqual({ ok: true, diagnostics: [] });
  });

  it('locates mistakes inside nested machines with JSON pointers', () => {
    const definition = structuredClone(valid);
    definition.States.Ship.Branches[0]!.States.Label = { Type: 'Pass', Next: 'Nowhere' } as never;
    const { ok, diagnostics } = validate(definition);
    expect(ok).toBe(false);
    expect(diagnostics).toContainEqual(
      expect.objectContaining({
        code: 'MISSING_TRANSITION_TARGET',
        location: '/States/Ship/Branches/0/States/Label/Next',
      }),
    );
  });

  it('escapes "/" and "~" in state names (RFC 6901)', () => {
    const { diagnostics } = validate({
      StartAt: 'a/b',
      States: { 'a/b': { Type: 'Pass', End: true }, 'c~d': { Type: 'Pass', End: true } },
    });
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'UNREACHABLE_STATE', location: '/States/c~0d' }),
    ]);
  });

  it('keeps ok true when there are only warnings', () => {
    const result = validate({
      StartAt: 'A',
      States: { A: { Type: 'Pass', Parameters: { a: '$.x' }, End: true } },
    });
    expect(result.ok).toBe(true);
    expect(result.diagnostics).toEqual([expect.objectContaining({ severity: 'WARNING', code: 'NO_DOLLAR' })]);
  });

  it('reports a field of the other query language once, not also as a schema failure', () => {
    const { diagnostics } = validate({ StartAt: 'A', States: { A: { Type: 'Pass', Output: 1, End: true } } });
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'FIELD_NOT_ALLOWED_IN_QUERY_LANGUAGE', location: '/States/A/Output' }),
    ]);
  });

  it('does not treat inherited object members as states', () => {
    const { diagnostics } = validate({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'constructor' } } });
    expect(diagnostics).toContainEqual(
      expect.objectContaining({ code: 'MISSING_TRANSITION_TARGET', location: '/States/A/Next' }),
    );
  });
});

describe('validate on hostile input', () => {
  it.each(['toString', 'constructor', '__proto__', 'valueOf'])(
    'answers a state whose Type is %s as an unknown type',
    (type) => {
      const result = validate({ StartAt: 'A', States: { A: { Type: type, End: true } } });
      expect(result.ok).toBe(false);
      expect(result.diagnostics).toContainEqual(
        expect.objectContaining({ code: 'SCHEMA_VALIDATION_FAILED', location: '/States/A/Type' }),
      );
      expect(result.diagnostics.map((d) => d.message)).not.toContain(
        'The definition could not be validated.',
      );
    },
  );

  it.each([undefined, null, 0, 'text', [], () => 1, Symbol('s'), 10n])(
    'answers %s with a diagnostic at the root',
    (input) => {
      const result = validate(input);
      expect(result.ok).toBe(false);
      expect(result.diagnostics[0]).toMatchObject({ code: 'SCHEMA_VALIDATION_FAILED', location: '' });
    },
  );

  it('reports a cycle where it closes', () => {
    const states: Record<string, unknown> = { A: { Type: 'Pass', End: true } };
    states.B = states;
    const result = validate({ StartAt: 'A', States: states });
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: 'SCHEMA_VALIDATION_FAILED', location: '/States/B' }),
    ]);
  });

  it('contains a getter that throws', () => {
    const state = Object.defineProperty({ Type: 'Pass' }, 'End', {
      enumerable: true,
      get: () => {
        throw new Error('boom');
      },
    });
    const result = validate({ StartAt: 'A', States: { A: state } });
    expect(result).toMatchObject({
      ok: false,
      diagnostics: [{ code: 'SCHEMA_VALIDATION_FAILED', location: '/States/A' }],
    });
  });

  it('contains a proxy whose traps throw', () => {
    const trap = () => {
      throw new Error('trap');
    };
    const proxy = new Proxy({}, { ownKeys: trap, get: trap, getOwnPropertyDescriptor: trap });
    expect(validate({ StartAt: 'A', States: proxy }).ok).toBe(false);
  });

  it('accepts objects without a prototype', () => {
    const state = Object.assign(Object.create(null), { Type: 'Pass', End: true });
    const states = Object.assign(Object.create(null), { A: state });
    expect(validate(Object.assign(Object.create(null), { StartAt: 'A', States: states }))).toEqual({
      ok: true,
      diagnostics: [],
    });
  });

  it('rejects nesting 100,000 levels deep without overflowing the stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const result = validate({ StartAt: 'A', States: { A: { Type: 'Pass', Result: deep, End: true } } });
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]?.message).toMatch(/nested more than/);
  });

  it('rejects values JSON cannot hold', () => {
    expect(
      validate({ StartAt: 'A', States: { A: { Type: 'Wait', Seconds: Number.NaN, End: true } } }).diagnostics,
    ).toEqual([expect.objectContaining({ code: 'SCHEMA_VALIDATION_FAILED', location: '/States/A/Seconds' })]);
  });
});
