import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import {
  choice,
  type ErrorOutput,
  eq,
  fail,
  jsonata,
  map,
  type OutputOf,
  parallel,
  pass,
  raw,
  States,
  task,
  type VarsOf,
  wait,
  workflow,
} from '../index';
import { type Order, Price, resource, start } from './fixtures';

describe('the output type follows the fields, in the order AWS applies them', () => {
  it('is the result by default', () => {
    const c = start.next(task('A', { resource, result: Price }));
    expectTypeOf<OutputOf<typeof c>>().toEqualTypeOf<{ amount: number; currency: string }>();
  });

  it('places the result with ResultPath and keeps the input', () => {
    const c = start.next(task('A', { resource, result: Price, resultPath: '$.price' }));
    type Out = OutputOf<typeof c>;
    expectTypeOf<Out['price']>().toEqualTypeOf<{ amount: number; currency: string }>();
    expectTypeOf<Out['id']>().toEqualTypeOf<string>();
    expectTypeOf<Out['note']>().toEqualTypeOf<string | undefined>();
  });

  it('writes nested ResultPaths, replaces existing keys and discards with null', () => {
    const nested = start.next(task('A', { resource, result: Price, resultPath: '$.customer.price' }));
    expectTypeOf<OutputOf<typeof nested>['customer']['price']['amount']>().toEqualTypeOf<number>();
    expectTypeOf<OutputOf<typeof nested>['customer']['email']>().toEqualTypeOf<string>();
    const replaced = start.next(task('A', { resource, result: Price, resultPath: '$.total' }));
    expectTypeOf<OutputOf<typeof replaced>['total']>().toEqualTypeOf<{ amount: number; currency: string }>();
    const discarded = start.next(task('A', { resource, result: Price, resultPath: null }));
    expectTypeOf<OutputOf<typeof discarded>>().toEqualTypeOf<Order>();
  });

  it('applies ResultSelector before ResultPath and OutputPath last', () => {
    const c = start.next(
      task('A', {
        resource,
        result: Price,
        resultSelector: (r) => ({ cents: r.amount }),
        resultPath: '$.charge',
        outputPath: (s) => s.charge,
      }),
    );
    expectTypeOf<OutputOf<typeof c>>().toEqualTypeOf<{ cents: number }>();
  });

  it('types Parameters from InputPath and intrinsic results', () => {
    const c = start.next(
      pass('P', {
        inputPath: (s) => s.customer,
        parameters: (c, ctx) => ({
          to: c.email,
          at: ctx.State.EnteredTime,
          id: States.UUID(),
          n: States.MathAdd(1, 2),
        }),
      }),
    );
    expectTypeOf<OutputOf<typeof c>>().toEqualTypeOf<{ to: string; at: string; id: string; n: number }>();
  });

  it('types JSONata Output from the result and the input', () => {
    const c = start.next(
      task('A', {
        resource,
        result: Price,
        output: (r, _c, _v, input) => ({ id: input.id, paid: r.amount }),
      }),
    );
    expectTypeOf<OutputOf<typeof c>>().toEqualTypeOf<{ id: string; paid: number }>();
    const e = start.next(
      pass('P', { output: jsonata<{ total: number }>('{ "total": $sum($states.input.lines.qty) }') }),
    );
    expectTypeOf<OutputOf<typeof e>>().toEqualTypeOf<{ total: number }>();
  });

  it('passes the input through Wait and ends at Succeed and Fail', () => {
    expectTypeOf<
      OutputOf<ReturnType<typeof start.next<Order, { discount: number }>>>
    >().toEqualTypeOf<Order>();
    const w = start.next(wait('W', { seconds: 5 }));
    expectTypeOf<OutputOf<typeof w>>().toEqualTypeOf<Order>();
    const f = start.next(fail('F'));
    expectTypeOf<OutputOf<typeof f>>().toBeNever();
  });

  it('joins Choice branches into the union of their outputs', () => {
    const c = start.next(
      choice('C', (r) =>
        r
          .when((s) => s.paid, eq(true), pass('Y', { result: { ok: true } }))
          .otherwise(pass('N', { result: { ok: 'later' } })),
      ),
    );
    expectTypeOf<OutputOf<typeof c>>().toEqualTypeOf<{ readonly ok: true } | { readonly ok: 'later' }>();
  });

  it('types Parallel results as a tuple and Map results as an array', () => {
    const p = start.next(
      parallel('P', {
        branches: [(b) => b.next(pass('A', { result: 1 })), (b) => b.next(pass('B', { result: 'x' }))],
      }),
    );
    expectTypeOf<OutputOf<typeof p>>().toEqualTypeOf<readonly [1, 'x']>();
    const m = start.next(
      map('M', {
        itemsPath: (s) => s.lines,
        processor: (i) => i.next(pass('X', { inputPath: (l) => l.qty })),
      }),
    );
    expectTypeOf<OutputOf<typeof m>>().toEqualTypeOf<number[]>();
  });

  it('iterates the input itself when a Map has no ItemsPath', () => {
    const m = start.next(
      map('M', {
        inputPath: '$.lines',
        processor: (line) => {
          expectTypeOf<OutputOf<typeof line>>().toEqualTypeOf<{ sku: string; qty: number }>();
          return line.next(pass('X', { inputPath: (l) => l.sku }));
        },
      }),
    );
    expectTypeOf<OutputOf<typeof m>>().toEqualTypeOf<string[]>();
  });

  it('types a Catch handler input from the ResultPath', () => {
    start.next(
      task('A', {
        resource,
        catch: (on) => [
          on({ errors: ['States.ALL'], resultPath: '$.error' }, (h) =>
            h.next(
              pass('Seen', {
                inputPath: (s) => {
                  expectTypeOf(s.error).toEqualTypeOf<ErrorOutput>();
                  return s.id;
                },
              }),
            ),
          ),
        ],
      }),
    );
  });

  it('types a raw state by its declared schema, or as unknown', () => {
    const declared = start.next(raw('R', { Type: 'Pass' }, z.object({ legacy: z.boolean() })));
    expectTypeOf<OutputOf<typeof declared>>().toEqualTypeOf<{ legacy: boolean }>();
    const opaque = start.next(raw('R', { Type: 'Pass' }));
    expectTypeOf<OutputOf<typeof opaque>>().toEqualTypeOf<unknown>();
  });
});

describe('variables', () => {
  it('adds assigned variables to those already set, as one flat object', () => {
    const c = start.next(task('A', { resource, result: Price, assign: (r) => ({ amount: r.amount }) }));
    expectTypeOf<VarsOf<typeof c>>().toEqualTypeOf<{ discount: number; amount: number }>();
  });

  it('replaces a variable assigned again with its new type', () => {
    const c = start.next(pass('P', { assign: () => ({ discount: 'none' }) }));
    expectTypeOf<VarsOf<typeof c>['discount']>().toEqualTypeOf<string>();
  });
});

describe('workflows', () => {
  it('start from the input schema and keep the schema for run time', () => {
    const Input = z.object({ orderId: z.string() });
    const wf = workflow({ input: Input }).define((s) => s.next(pass('P', { inputPath: (i) => i.orderId })));
    expectTypeOf(wf.schemas.input).toEqualTypeOf<typeof Input>();
    expectTypeOf(wf.__output).toEqualTypeOf<string>();
  });
});

describe('loose objects', () => {
  it('keep their named fields when ResultPath adds one', () => {
    const Loose = z.looseObject({ id: z.string(), nested: z.object({ n: z.number() }).optional() });
    const wf = workflow({ input: Loose }).define((s) =>
      s.next(task('T', { resource, result: Price, resultPath: '$.price' })),
    );
    type Out = typeof wf.__output;
    expectTypeOf<Out['id']>().toEqualTypeOf<string>();
    expectTypeOf<Out['price']>().toEqualTypeOf<{ amount: number; currency: string }>();
    expectTypeOf<NonNullable<Out['nested']>['n']>().toEqualTypeOf<number>();
    expectTypeOf<Out['other']>().toEqualTypeOf<unknown>();
  });
});
