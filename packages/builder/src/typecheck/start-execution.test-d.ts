import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { type OutputOf, pass, startExecution, task, workflow } from '../index';
import { start } from './fixtures';

const Child = z.object({ orderId: z.string(), amount: z.number() });
const child = workflow({ input: Child }).define((s) =>
  s.next(pass('Done', { parameters: (o) => ({ paid: o.amount }) })),
);
const arn = 'arn:aws:states:region:account-id:stateMachine:Child';

describe('nested executions are typed by the child workflow', () => {
  it('return AWS’s shape for each mode', () => {
    const fire = start.next(
      task('Start', {
        ...startExecution(child, { mode: 'fire-and-forget' }),
        parameters: (o) => ({ StateMachineArn: arn, Input: { orderId: o.id, amount: o.total } }),
      }),
    );
    expectTypeOf<OutputOf<typeof fire>>().toEqualTypeOf<{
      readonly ExecutionArn: string;
      readonly StartDate: number;
    }>();
    const sync = start.next(
      task('Run', {
        ...startExecution(child, { mode: 'sync' }),
        parameters: (o) => ({ StateMachineArn: arn, Input: { orderId: o.id, amount: o.total } }),
      }),
    );
    expectTypeOf<OutputOf<typeof sync>['Output']>().toEqualTypeOf<string>();
    const json = start.next(
      task('Run', {
        ...startExecution(child, { mode: 'sync:2' }),
        parameters: (o) => ({ StateMachineArn: arn, Input: { orderId: o.id, amount: o.total } }),
      }),
    );
    expectTypeOf<OutputOf<typeof json>['Output']>().toEqualTypeOf<{ paid: number }>();
    expectTypeOf<OutputOf<typeof json>['Input']>().toEqualTypeOf<{ orderId: string; amount: number }>();
  });

  it('refuse input the child does not accept', () => {
    start.next(
      // @ts-expect-error The child needs `amount` as a number; `placedAt` is a string.
      task('Run', {
        ...startExecution(child, { mode: 'sync:2' }),
        parameters: (o) => ({ StateMachineArn: arn, Input: { orderId: o.id, amount: o.placedAt } }),
      }),
    );
    start.next(
      // @ts-expect-error The request needs the child's ARN.
      task('Run', {
        ...startExecution(child, { mode: 'sync' }),
        parameters: (o) => ({ Input: { orderId: o.id, amount: o.total } }),
      }),
    );
    // @ts-expect-error `mode` is one of the three ways of waiting.
    startExecution(child, { mode: 'sync:3' });
  });
});
