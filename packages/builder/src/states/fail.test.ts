import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fail, jsonata, States, workflow } from '../index';

const Input = z.object({ code: z.string(), detail: z.string() });

describe('fail', () => {
  it('writes an intrinsic call as ErrorPath and CausePath in JSONPath', () => {
    const wf = workflow({ input: Input }).define((start) =>
      start.next(
        fail('Stop', {
          error: (s) => States.Format('E{}', s.code),
          cause: (s) => States.Format('Failed: {} ({})', s.detail, s.code),
        }),
      ),
    );
    expect(wf.compile().States.Stop).toEqual({
      Type: 'Fail',
      ErrorPath: "States.Format('E{}', $.code)",
      CausePath: "States.Format('Failed: {} ({})', $.detail, $.code)",
    });
  });

  it('still writes literals, paths and JSONata as before', () => {
    const path = workflow({ input: Input }).define((start) =>
      start.next(fail('Stop', { error: 'Stopped', cause: (s) => s.detail })),
    );
    const expression = workflow({ input: Input, queryLanguage: 'JSONata' }).define((start) =>
      start.next(fail('Stop', { error: jsonata<string>('$states.input.code'), cause: (s) => s.detail })),
    );
    expect(path.compile().States.Stop).toEqual({ Type: 'Fail', Error: 'Stopped', CausePath: '$.detail' });
    expect(expression.compile().States.Stop).toEqual({
      Type: 'Fail',
      Error: '{% $states.input.code %}',
      Cause: '{% $states.input.detail %}',
    });
  });
});
