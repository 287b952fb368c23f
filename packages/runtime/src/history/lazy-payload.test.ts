import { describe, expect, it } from 'vitest';
import {
  detailsJson,
  type EventDetails,
  EXECUTION_OUTPUT,
  LazyAssignments,
  LazyPayload,
  materializeDetails,
  PayloadDetails,
  PayloadShape,
} from './lazy-payload';

const cases: Record<string, EventDetails> = {
  'a state input with its name': new PayloadDetails(new PayloadShape('input', 'Charge "card"'), {
    order: 'a"b',
    items: [1, 2],
  }),
  'an output without a name': new PayloadDetails(new PayloadShape('output'), 'done'),
  'an undefined output': new PayloadDetails(EXECUTION_OUTPUT, undefined),
  'fields with payloads and assignments': {
    resource: 'arn:aws:lambda:us-east-1:1:function:f',
    input: new LazyPayload({ n: 1 }),
    inputDetails: { truncated: false },
    assignedVariables: new LazyAssignments({ total: 3, 'odd "name"': [null] }),
  },
  'fields JSON leaves out': { kept: 1, gone: undefined, alsoGone: () => 0, 'key\n"quoted"': true },
  'no fields': {},
};

describe('detailsJson', () => {
  for (const [what, details] of Object.entries(cases)) {
    it(`writes the text JSON.stringify gives the materialised details: ${what}`, () => {
      expect(detailsJson(details)).toBe(JSON.stringify(materializeDetails(details)));
    });
  }
});
