import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { pass, workflow } from '../index';

describe('pass', () => {
  it('writes a Result that is not an object as it is', () => {
    const wf = workflow({ input: z.object({}) }).define((start) =>
      start
        .next(pass('List', { result: [1, [2, 3]], resultPath: '$.list' }))
        .next(pass('Text', { result: 'done' })),
    );
    expect(wf.compile().States).toEqual({
      List: { Type: 'Pass', Result: [1, [2, 3]], ResultPath: '$.list', Next: 'Text' },
      Text: { Type: 'Pass', Result: 'done', End: true },
    });
  });
});
