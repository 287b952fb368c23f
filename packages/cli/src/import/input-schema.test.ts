import { describe, expect, it } from 'vitest';
import { inputSchemaCode } from './input-schema';

const flat = (code: string) => code.replace(/\s+/g, ' ');

describe('inputSchemaCode', () => {
  it('types fields by the comparisons and path fields that read them', () => {
    const code = inputSchemaCode({
      StartAt: 'Wait',
      States: {
        Wait: { Type: 'Wait', SecondsPath: '$.delay', Next: 'Check' },
        Check: {
          Type: 'Choice',
          Choices: [{ Variable: '$.order.total', NumericGreaterThan: 1, Next: 'Stop' }],
        },
        Stop: { Type: 'Fail', CausePath: "States.Format('{}', $.reason)" },
      },
    });
    expect(flat(code)).toBe(
      'z.looseObject({ delay: z.number().optional(), order: z.looseObject({ total: z.number().optional(), }).optional(), reason: z.unknown().optional(), })',
    );
  });

  it('describes arrays from their indices and from what a Map’s processor reads of each item', () => {
    const code = inputSchemaCode({
      StartAt: 'First',
      States: {
        First: { Type: 'Pass', Parameters: { 'sku.$': '$.lines[0].sku' }, Next: 'Each' },
        Each: {
          Type: 'Map',
          ItemsPath: '$.orders',
          ItemProcessor: {
            StartAt: 'One',
            States: { One: { Type: 'Pass', InputPath: '$.id', End: true } },
          },
          End: true,
        },
      },
    });
    expect(flat(code)).toBe(
      'z.looseObject({ lines: z.array(z.looseObject({ sku: z.unknown().optional(), })).optional(), orders: z.array(z.looseObject({ id: z.unknown().optional(), })).optional(), })',
    );
  });

  it('describes fields read by bracketed names, from the root too', () => {
    const code = inputSchemaCode({
      StartAt: 'P',
      States: { P: { Type: 'Pass', Parameters: { 'v.$': "$['a b'].c", 'w.$': "$.x['y z']" }, End: true } },
    });
    expect(flat(code)).toBe(
      `z.looseObject({ 'a b': z.looseObject({ c: z.unknown().optional(), }).optional(), x: z.looseObject({ 'y z': z.unknown().optional(), }).optional(), })`,
    );
  });

  it('gives a field copied by a ResultSelector the kind of where it lands, and back', () => {
    const code = inputSchemaCode({
      StartAt: 'Call',
      States: {
        Call: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          ResultSelector: { 'ok.$': '$.Payload.ok' },
          ResultPath: '$.check',
          Next: 'Ok?',
        },
        'Ok?': { Type: 'Choice', Choices: [{ Variable: '$.check.ok', BooleanEquals: true, Next: 'Done' }] },
        Done: { Type: 'Succeed' },
      },
    });
    expect(flat(code)).toContain('Payload: z.looseObject({ ok: z.boolean().optional(), }).optional()');
  });
});
