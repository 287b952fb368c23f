import { describe, it } from 'vitest';
import { z } from 'zod';
import {
  and,
  choice,
  eq,
  fail,
  from,
  goto,
  gt,
  gte,
  jsonata,
  lt,
  map,
  matches,
  parallel,
  pass,
  raw,
  States,
  succeed,
  task,
  test,
  timestamp,
  wait,
  workflow,
} from '../index';
import { Order, Price, resource, start } from './fixtures';

/*
 * Each case must fail to compile; the comment above it says why. A case that
 * compiles makes its `@ts-expect-error` unused, which fails the type check.
 */

describe('InputPath, OutputPath and Parameters read only fields that exist', () => {
  it('rejects missing fields', () => {
    // @ts-expect-error InputPath: Order has no field `customerId`.
    start.next(task('A', { resource, inputPath: (s) => s.customerId }));
    // @ts-expect-error InputPath: `email` lives under `customer`, not at the top.
    start.next(task('A', { resource, inputPath: (s) => s.email }));
    // @ts-expect-error Parameters: `lines` items have no `price`.
    start.next(task('A', { resource, parameters: (s) => ({ p: s.lines[0]?.price }) }));
    // @ts-expect-error Parameters after InputPath see the selected part only: `total` is not in `customer`.
    start.next(task('A', { resource, inputPath: (s) => s.customer, parameters: (c) => ({ t: c.total }) }));
    // @ts-expect-error Parameters: the context object has no `Execution.Ident`.
    start.next(task('A', { resource, parameters: (_s, ctx) => ({ id: ctx.Execution.Ident }) }));
    // @ts-expect-error Parameters: no variable `coupon` was assigned.
    start.next(task('A', { resource, parameters: (_s, _c, vars) => ({ c: vars.coupon }) }));
    // @ts-expect-error OutputPath sees the data after ResultPath: `price` holds a Price, which has no `tax`.
    start.next(task('A', { resource, result: Price, resultPath: '$.price', outputPath: (s) => s.price.tax }));
    // @ts-expect-error OutputPath: the default ResultPath replaced the input, so `id` is gone.
    start.next(task('A', { resource, result: Price, outputPath: (s) => s.id }));
    // @ts-expect-error Pass InputPath: misspelt field.
    start.next(pass('P', { inputPath: (s) => s.totl }));
    // @ts-expect-error Pass OutputPath after Result: the fixed result has no `id`.
    start.next(pass('P', { result: { ok: true }, outputPath: (s) => s.id }));
  });
});

describe('ResultSelector reads the result, ResultPath is a checked literal', () => {
  it('rejects wrong result fields and bad ResultPaths', () => {
    // @ts-expect-error ResultSelector: Price has no `total`.
    start.next(task('A', { resource, result: Price, resultSelector: (r) => ({ t: r.total }) }));
    // @ts-expect-error ResultSelector: without a result schema the result is unknown.
    start.next(task('A', { resource, resultSelector: (r) => ({ t: r.amount }) }));
    // @ts-expect-error ResultPath must start with `$`.
    start.next(task('A', { resource, resultPath: 'price' }));
    // @ts-expect-error ResultPath cannot write into the context object.
    start.next(task('A', { resource, resultPath: '$$.Execution' }));
    // @ts-expect-error ResultPath cannot reach the prototype.
    start.next(task('A', { resource, resultPath: '$.__proto__' }));
    // @ts-expect-error ResultPath cannot name `constructor` either.
    start.next(task('A', { resource, resultPath: '$.a.constructor' }));
    // @ts-expect-error ResultPath cannot index into arrays.
    start.next(task('A', { resource, resultPath: '$.lines[0]' }));
    // @ts-expect-error ResultPath has no empty segments.
    start.next(task('A', { resource, resultPath: '$..price' }));
    // @ts-expect-error ResultPath must be a literal, not any string.
    start.next(task('A', { resource, resultPath: String('$.x') }));
    // @ts-expect-error Pass ResultPath follows the same rules.
    start.next(pass('P', { result: 1, resultPath: '$.prototype' }));
    start
      .next(task('A', { resource, result: Price, resultPath: '$.price' }))
      // @ts-expect-error After ResultPath `$.price`, the next state cannot read `price.tax`.
      .next(pass('B', { inputPath: (s) => s.price.tax }));
    start
      .next(task('A', { resource, result: Price, resultPath: null }))
      // @ts-expect-error ResultPath null discards the result, so `amount` never arrives.
      .next(pass('B', { inputPath: (s) => s.amount }));
  });
});

describe('task schemas', () => {
  const Charge = z.object({ orderId: z.string(), amount: z.number() });
  it('rejects input that does not fit the input schema', () => {
    start.next(
      // @ts-expect-error Parameters send `amount` as a string where the schema wants a number.
      task('Charge', { resource, input: Charge, parameters: (s) => ({ orderId: s.id, amount: s.placedAt }) }),
    );
    // @ts-expect-error Parameters forget `amount`.
    start.next(task('Charge', { resource, input: Charge, parameters: (s) => ({ orderId: s.id }) }));
    // @ts-expect-error Without Parameters the whole order is sent, and it has no `orderId`.
    start.next(task('Charge', { resource, input: Charge }));
    // @ts-expect-error InputPath selects the customer, which is not a charge.
    start.next(task('Charge', { resource, input: Charge, inputPath: (s) => s.customer }));
    // @ts-expect-error The result schema types what follows: Price has no `orderId`.
    start.next(task('A', { resource, result: Price })).next(pass('B', { inputPath: (s) => s.orderId }));
  });
});

describe('Wait and Fail fields take data of the right type', () => {
  it('rejects wrong types', () => {
    // @ts-expect-error SecondsPath must select a number; `placedAt` is a string.
    start.next(wait('W', { seconds: (s) => s.placedAt }));
    // @ts-expect-error SecondsPath to a missing field.
    start.next(wait('W', { seconds: (s) => s.delay }));
    // @ts-expect-error TimestampPath must select a string; `total` is a number.
    start.next(wait('W', { timestamp: (s) => s.total }));
    // @ts-expect-error Seconds and Timestamp cannot both be given.
    start.next(wait('W', { seconds: 1, timestamp: '2030-01-01T00:00:00Z' }));
    // @ts-expect-error A JSONata Seconds expression must evaluate to a number.
    start.next(wait('W', { seconds: jsonata<string>('$now()') }));
    // @ts-expect-error ErrorPath must select a string.
    start.next(fail('F', { error: (s) => s.total }));
    // @ts-expect-error CausePath must select a string.
    start.next(fail('F', { cause: (s) => s.paid }));
    // @ts-expect-error CausePath to a missing field.
    start.next(fail('F', { cause: (s) => s.reason }));
  });
});

describe('Choice rules compare fields with operators of their type', () => {
  it('rejects mismatched operators and missing fields', () => {
    // @ts-expect-error A numeric operator on a string field.
    start.next(choice('C', (c) => c.when((s) => s.id, gt(5), pass('X'))));
    // @ts-expect-error A string comparison on a numeric field.
    start.next(choice('C', (c) => c.when((s) => s.total, eq('100'), pass('X'))));
    // @ts-expect-error A boolean equality on a string field.
    start.next(choice('C', (c) => c.when((s) => s.placedAt, eq(true), pass('X'))));
    // @ts-expect-error A numeric equality on a boolean field.
    start.next(choice('C', (c) => c.when((s) => s.paid, eq(1), pass('X'))));
    // @ts-expect-error StringMatches on a number.
    start.next(choice('C', (c) => c.when((s) => s.total, matches('1*'), pass('X'))));
    // @ts-expect-error Timestamp comparison on a number.
    start.next(choice('C', (c) => c.when((s) => s.total, timestamp.gt('2030-01-01T00:00:00Z'), pass('X'))));
    // @ts-expect-error LessThan with a string bound on a numeric field.
    start.next(choice('C', (c) => c.when((s) => s.total, lt('9'), pass('X'))));
    // @ts-expect-error GreaterThanEquals on an object.
    start.next(choice('C', (c) => c.when((s) => s.customer, gte(1), pass('X'))));
    // @ts-expect-error The variable must exist: a rule on a missing field.
    start.next(choice('C', (c) => c.when((s) => s.status, eq('x'), pass('X'))));
    start.next(
      choice('C', (c) =>
        // @ts-expect-error Inside And, each test is checked: `tier` is a string.
        c.whenRule((s) => and(test(s.paid, eq(true)), test(s.customer.tier, gt(1))), pass('X')),
      ),
    );
    // @ts-expect-error test() on a variable of the wrong type: `discount` is a number.
    start.next(choice('C', (c) => c.whenRule((_s, _c, v) => test(v.discount, eq('ten')), pass('X'))));
    // @ts-expect-error A rule on a variable that was never assigned.
    start.next(choice('C', (c) => c.when((_s, _c, v) => v.limit, gt(1), pass('X'))));
    start.next(
      // @ts-expect-error A branch target must accept the data: this fragment reads `refund`.
      choice('C', (c) => c.otherwise(pass('X', { inputPath: (s: { refund: number }) => s.refund }))),
    );
    // @ts-expect-error Context fields are typed: `State.Name` is a string.
    start.next(choice('C', (c) => c.when((_s, ctx) => ctx.State.Name, gt(1), pass('X'))));
  });
});

describe('variables', () => {
  it('rejects reads of variables that are missing or of another type', () => {
    const assigned = start.next(
      task('A', { resource, result: Price, assign: (r) => ({ amount: r.amount }) }),
    );
    // @ts-expect-error `amount` is a number; it has no `length`.
    assigned.next(pass('B', { parameters: (_s, _c, v) => ({ n: v.amount.length }) }));
    // @ts-expect-error `currency` was not assigned, only `amount`.
    assigned.next(pass('B', { parameters: (_s, _c, v) => ({ c: v.currency }) }));
    // @ts-expect-error Assign reads the result: Price has no `id`.
    start.next(task('A', { resource, result: Price, assign: (r) => ({ id: r.id }) }));
    start
      .next(parallel('P', { branches: [(b) => b.next(pass('In', { assign: () => ({ inner: 1 }) }))] }))
      // @ts-expect-error A variable assigned inside a Parallel branch is not visible after it.
      .next(pass('After', { parameters: (_s, _c, v) => ({ x: v.inner }) }));
    start
      .next(
        choice('C', (c) =>
          c.when((s) => s.paid, eq(true), pass('Y', { assign: () => ({ flag: true }) })).otherwise(pass('N')),
        ),
      )
      // @ts-expect-error A variable assigned on only one Choice branch is not certain after the join.
      .next(pass('After', { parameters: (_s, _c, v) => ({ f: v.flag }) }));
  });
});

describe('Map and Parallel', () => {
  it('rejects bad items, item fields and branch results', () => {
    // @ts-expect-error ItemsPath must select an array; `customer` is an object.
    start.next(map('M', { itemsPath: (s) => s.customer, processor: (i) => i.next(pass('X')) }));
    // @ts-expect-error ItemsPath to a missing field.
    start.next(map('M', { itemsPath: (s) => s.items, processor: (i) => i.next(pass('X')) }));
    start.next(
      map('M', {
        itemsPath: (s) => s.lines,
        // @ts-expect-error The processor sees one line: it has no `total`.
        processor: (i) => i.next(pass('X', { inputPath: (l) => l.total })),
      }),
    );
    start.next(
      map('M', {
        itemsPath: (s) => s.lines,
        // @ts-expect-error ItemSelector reads the item through the context: lines have no `price`.
        itemSelector: (_s, ctx) => ({ p: ctx.Map.Item.Value.price }),
        processor: (i) => i.next(pass('X')),
      }),
    );
    start.next(
      map('M', {
        itemsPath: (s) => s.lines,
        itemSelector: (_s, ctx) => ({ q: ctx.Map.Item.Value.qty }),
        // @ts-expect-error The processor sees the ItemSelector output, which has no `sku`.
        processor: (i) => i.next(pass('X', { inputPath: (x) => x.sku })),
      }),
    );
    start.next(
      map('M', {
        itemsPath: (s) => s.lines,
        processor: (i) => i.next(pass('X')),
        // @ts-expect-error The Map result is an array of processor outputs: it has no `sku`.
        resultSelector: (r) => ({ s: r.sku }),
      }),
    );
    start.next(
      parallel('P', {
        branches: [(b) => b.next(pass('A')), (b) => b.next(pass('B'))],
        // @ts-expect-error Parallel has two branches, so its results have no third element.
        outputPath: (r) => r[2],
      }),
    );
    // @ts-expect-error A Parallel branch reads the Parallel's input: it has no `amount`.
    start.next(parallel('P', { branches: [(b) => b.next(pass('A', { inputPath: (s) => s.amount }))] }));
    start.next(
      map('M', {
        itemsPath: (s) => s.lines,
        // @ts-expect-error MaxConcurrency from the data must be a number.
        maxConcurrency: (s) => s.id,
        processor: (i) => i.next(pass('X')),
      }),
    );
  });
});

describe('Retry and Catch', () => {
  it('types the handler input from the ResultPath', () => {
    start.next(
      task('A', {
        resource,
        catch: (on) => [
          on({ errors: ['States.ALL'], resultPath: '$.error' }, (h) =>
            // @ts-expect-error The error is at `$.error`; it has no `Message`.
            h.next(fail('F', { cause: (s) => s.error.Message })),
          ),
        ],
      }),
    );
    start.next(
      task('A', {
        resource,
        // @ts-expect-error Without ResultPath the handler receives only the error, not the order.
        catch: (on) => [on({ errors: ['States.ALL'] }, (h) => h.next(pass('F', { inputPath: (s) => s.id })))],
      }),
    );
    start.next(
      task('A', {
        resource,
        // @ts-expect-error Catch ResultPath is checked like any ResultPath.
        catch: (on) => [on({ errors: ['States.ALL'], resultPath: 'error' }, fail('F'))],
      }),
    );
    // @ts-expect-error A retrier needs at least one error name.
    start.next(task('A', { resource, retry: [{ errors: [] }] }));
    // @ts-expect-error JitterStrategy has two values.
    start.next(task('A', { resource, retry: [{ errors: ['States.ALL'], jitterStrategy: 'SOME' }] }));
  });
});

describe('intrinsic functions are typed', () => {
  it('rejects wrong argument types', () => {
    // @ts-expect-error States.MathAdd adds numbers; `id` is a string.
    start.next(pass('P', { parameters: (s) => ({ n: States.MathAdd(s.id, 1) }) }));
    // @ts-expect-error States.ArrayLength takes an array.
    start.next(pass('P', { parameters: (s) => ({ n: States.ArrayLength(s.id) }) }));
    // @ts-expect-error States.Format values are scalars, not objects.
    start.next(pass('P', { parameters: (s) => ({ m: States.Format('{}', s.customer) }) }));
    // @ts-expect-error States.Hash accepts known algorithms only.
    start.next(pass('P', { parameters: (s) => ({ h: States.Hash(s.id, 'SHA-2') }) }));
    // @ts-expect-error States.StringSplit splits strings.
    start.next(pass('P', { parameters: (s) => ({ parts: States.StringSplit(s.total, ',') }) }));
    // @ts-expect-error States.JsonMerge only does shallow merges.
    start.next(pass('P', { parameters: (s) => ({ m: States.JsonMerge(s.customer, s.customer, true) }) }));
    // @ts-expect-error States.ArrayContains looks for an element of the array's type.
    start.next(pass('P', { parameters: (s) => ({ c: States.ArrayContains(s.lines, 'x') }) }));
    start
      .next(pass('P', { parameters: (s) => ({ n: States.ArrayLength(s.lines) }) }))
      // @ts-expect-error The intrinsic's result type flows on: ArrayLength is a number, not a string.
      .next(wait('W', { timestamp: (s) => s.n }));
  });
});

describe('chains, fragments and workflows', () => {
  it('rejects chains that do not fit together', () => {
    // @ts-expect-error Nothing can follow a Succeed.
    start.next(succeed('Done')).next(pass('After'));
    // @ts-expect-error Nothing can follow a Fail.
    start.next(fail('Stop')).next(pass('After'));
    const notify = <T extends { email: string }>() =>
      pass('Notify', { parameters: (s: T) => ({ to: s.email }) });
    // @ts-expect-error A fragment generic over what it needs rejects data without it.
    start.next(notify());
    const poll = from<{ jobId: string }>().next(pass('Poll', { inputPath: (s) => s.jobId }));
    // @ts-expect-error A goto target must accept the data: Poll reads `jobId`.
    start.next(goto(poll));
    // @ts-expect-error A JSONata workflow cannot contain a JSONPath state.
    workflow({ input: Order, queryLanguage: 'JSONata' }).start(pass('P', { inputPath: (s) => s.id }));
    // @ts-expect-error The workflow input decides the first state's input.
    workflow({ input: Order }).define((s) => s.next(pass('P', { inputPath: (o) => o.orderId })));
    // @ts-expect-error A raw state is opaque: its output is unknown unless a schema says otherwise.
    start.next(raw('R', { Type: 'Pass' })).next(pass('P', { inputPath: (s) => s.id }));
    // @ts-expect-error A raw state's Type must be a state type.
    raw('R', { Type: 'Teleport' });
    // @ts-expect-error A JSONata workflow rejects a state declared JSONPath.
    workflow({ input: Order, queryLanguage: 'JSONata' }).start(pass('P', { queryLanguage: 'JSONPath' }));
  });
});
