import { z } from 'zod';
import {
  and,
  choice,
  fail,
  goto,
  gt,
  isPresent,
  jsonata,
  lambda,
  map,
  matches,
  not,
  parallel,
  pass,
  raw,
  States,
  startExecution,
  succeed,
  task,
  test,
  wait,
  workflow,
} from '../index';

export const Input = z.object({
  order: z.object({
    id: z.string(),
    total: z.number(),
    lines: z.array(z.object({ sku: z.string(), qty: z.number() })),
  }),
  customer: z.object({ email: z.string(), tier: z.enum(['gold', 'basic']) }),
  delay: z.number(),
  at: z.string(),
});
export const Priced = z.object({ amount: z.number(), currency: z.string() });

/** A JSONPath workflow that touches every state type and most fields. */
export const everyState = workflow({ comment: 'every state', input: Input, timeoutSeconds: 3600 }).define(
  (start) =>
    start
      .next(
        task('Price', {
          resource: lambda('Price'),
          input: z.object({ id: z.string(), count: z.number() }),
          result: Priced,
          parameters: (s, ctx) => ({
            id: s.order.id,
            count: States.ArrayLength(s.order.lines),
            execution: ctx.Execution.Id,
            label: States.Format('order {}', s.order.id),
          }),
          resultSelector: (r) => ({ amount: r.amount, currency: r.currency }),
          resultPath: '$.price',
          assign: (r) => ({ amount: r.amount }),
          timeoutSeconds: 30,
          retry: [{ errors: ['States.Timeout'], intervalSeconds: 2, maxAttempts: 3, backoffRate: 2 }],
          catch: (on) => [
            on({ errors: ['States.ALL'], resultPath: '$.error' }, (b) =>
              b.next(fail('Pricing Failed', { error: 'PricingError', cause: (s) => s.error.Cause })),
            ),
          ],
        }),
      )
      .next(wait('Pause', { seconds: (s) => s.delay }))
      .next(wait('Until', { timestamp: (s) => s.at }))
      .next(
        parallel('Notify', {
          branches: [
            (b) =>
              b.next(
                task('Email', { resource: lambda('Email'), parameters: (s) => ({ to: s.customer.email }) }),
              ),
            (b) => b.next(pass('Audit', { result: { audited: true } })),
          ],
          resultPath: '$.notified',
        }),
      )
      .next(
        map('Lines', {
          itemsPath: (s) => s.order.lines,
          itemSelector: (s, ctx) => ({
            sku: ctx.Map.Item.Value.sku,
            index: ctx.Map.Item.Index,
            order: s.order.id,
          }),
          maxConcurrency: 4,
          processor: (item) =>
            item.next(task('Reserve', { resource: lambda('Reserve'), parameters: (l) => ({ sku: l.sku }) })),
          resultPath: '$.reserved',
        }),
      )
      .next(
        map('Archive', {
          mode: 'DISTRIBUTED',
          executionType: 'EXPRESS',
          item: z.object({ key: z.string() }),
          itemReader: { resource: 'arn:aws:states:::s3:listObjectsV2', request: { Bucket: 'archive' } },
          itemBatcher: { maxItemsPerBatch: 10 },
          toleratedFailurePercentage: 5,
          label: 'Archive',
          resultWriter: {
            resource: 'arn:aws:states:::s3:putObject',
            request: { Bucket: 'results', Prefix: 'run' },
          },
          processor: (item) => item.next(task('Store', { resource: lambda('Store') })),
          resultPath: null,
        }),
      )
      .next(
        task('Start Child', {
          resource: startExecution('sync:2'),
          parameters: (s) => ({
            StateMachineArn: 'arn:aws:states:region:account-id:stateMachine:Child',
            Input: { id: s.order.id },
          }),
          resultPath: '$.child',
        }),
      )
      .next(raw('Legacy', { Type: 'Pass', Result: { legacy: true } }, z.object({ legacy: z.boolean() })))
      .next(
        choice('Route', (c) =>
          c
            .whenRule(
              (s, _ctx, vars) => and(test(vars.amount, gt(100)), not(test(s.legacy, isPresent(false)))),
              succeed('Big'),
            )
            .when((s) => s.legacy, isPresent(), pass('Small'))
            .otherwise(fail('Unknown', { error: 'Unroutable' })),
        ),
      ),
);

const loop = pass('Loop');

/** A JSONata workflow using the same builders. */
export const jsonataStates = workflow({ input: Input, queryLanguage: 'JSONata' }).define((start) =>
  start
    .next(
      task('Price', {
        resource: lambda('Price'),
        result: Priced,
        arguments: (s) => ({ id: s.order.id, lines: s.order.lines }),
        output: (r, _ctx, _vars, input) => ({ amount: r.amount, id: input.order.id }),
        assign: (r) => ({ amount: r.amount }),
      }),
    )
    .next(wait('Pause', { seconds: jsonata<number>('$random() * 10') }))
    .next(
      choice('Route', (c) =>
        c
          .when((s) => s.id, matches('A-*'), succeed('Done'))
          .whenRule(() => jsonata<boolean>('$amount > 10'), goto(loop))
          .otherwise(loop.next(fail('Stop', { error: 'Stopped' }))),
      ),
    ),
);
