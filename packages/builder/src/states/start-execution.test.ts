import { validate } from '@stepwise/asl';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { pass, startExecution, task, workflow } from '../index';

const child = workflow({ input: z.object({ orderId: z.string() }) }).define((s) => s.next(pass('Done')));
const arn = 'arn:aws:states:region:account-id:stateMachine:Child';

describe('startExecution', () => {
  it('still gives the plain resource ARN for each pattern', () => {
    expect(startExecution()).toBe('arn:aws:states:::states:startExecution');
    expect(startExecution('sync:2')).toBe('arn:aws:states:::states:startExecution.sync:2');
  });

  it('starts a child workflow with the resource of each mode', () => {
    expect(startExecution(child, { mode: 'fire-and-forget' }).resource).toBe(
      'arn:aws:states:::states:startExecution',
    );
    expect(startExecution(child, { mode: 'sync' }).resource).toBe(
      'arn:aws:states:::states:startExecution.sync',
    );
    expect(startExecution(child, { mode: 'sync:2' }).resource).toBe(
      'arn:aws:states:::states:startExecution.sync:2',
    );
  });

  it('checks the request against the child’s input schema at run time too', () => {
    const { input } = startExecution(child, { mode: 'sync' });
    expect(input.safeParse({ StateMachineArn: arn, Input: { orderId: 'o' } }).success).toBe(true);
    expect(input.safeParse({ StateMachineArn: arn, Input: { order: 'o' } }).success).toBe(false);
  });

  it('compiles into a Task that passes validation', () => {
    const parent = workflow({ input: z.object({ id: z.string() }) }).define((s) =>
      s.next(
        task('Run Child', {
          ...startExecution(child, { mode: 'sync:2' }),
          parameters: (p) => ({ StateMachineArn: arn, Input: { orderId: p.id } }),
          resultSelector: (r) => ({ childOutput: r.Output }),
        }),
      ),
    );
    const definition = parent.compile();
    expect(definition.States['Run Child']).toEqual({
      Type: 'Task',
      Resource: 'arn:aws:states:::states:startExecution.sync:2',
      Parameters: { StateMachineArn: arn, Input: { 'orderId.$': '$.id' } },
      ResultSelector: { 'childOutput.$': '$.Output' },
      End: true,
    });
    expect(validate(definition).ok).toBe(true);
  });
});
