import { describe, it } from 'vitest';
import {
  bool,
  choice,
  eq,
  jsonata,
  map,
  numeric,
  parallel,
  pass,
  succeed,
  task,
  test,
  text,
  timestamp,
  workflow,
} from '../index';
import { Order, Price, resource, start } from './fixtures';

/* Each case must fail to compile; the comment says why. */

describe('Choice compares fields of the same kind', () => {
  it('rejects field-against-field comparisons across kinds', () => {
    // @ts-expect-error numeric.gt compares numbers: `placedAt` is a string.
    start.next(choice('C', (c) => c.whenRule((s) => test(s.total, numeric.gt(s.placedAt)), succeed('X'))));
    // @ts-expect-error text.eq compares strings: `total` is a number.
    start.next(choice('C', (c) => c.whenRule((s) => test(s.total, text.eq(s.id)), succeed('X'))));
    // @ts-expect-error bool.eq compares booleans: `id` is a string.
    start.next(choice('C', (c) => c.whenRule((s) => test(s.id, bool.eq(s.paid)), succeed('X'))));
    // @ts-expect-error Timestamps are strings: `total` is not one.
    start.next(choice('C', (c) => c.whenRule((s) => test(s.total, timestamp.lt(s.placedAt)), succeed('X'))));
    // @ts-expect-error The other field must exist.
    start.next(choice('C', (c) => c.whenRule((s) => test(s.total, numeric.lt(s.limit)), succeed('X'))));
  });

  it('types what rule-level Assign and Output and the state fields hand on', () => {
    start.next(
      choice('C', (c) =>
        c.whenWith((s) => s.paid, eq(true), {
          output: (s) => ({ id: s.id }),
          // @ts-expect-error After the rule's Output the branch sees `{ id }` only.
          next: pass('P', { output: (x) => ({ t: x.total }) }),
        }),
      ),
    );
    start.next(
      choice('C', (c) =>
        c.whenWith((s) => s.paid, eq(true), {
          assign: (s) => ({ paidTotal: s.total }),
          // @ts-expect-error The rule assigned `paidTotal`, not `paid`.
          next: pass('P', { parameters: (_s, _c, vars) => ({ v: vars.paid }) }),
        }),
      ),
    );
    // @ts-expect-error After InputPath the rules test the customer, which has no `total`.
    start.next(choice('C', (c) => c.inputPath('$.customer').when((s) => s.total, eq(1), succeed('X'))));
    start.next(
      choice('C', (c) =>
        // @ts-expect-error After OutputPath the branches receive the email, a string with no `id`.
        c.outputPath('$.customer.email').otherwise(pass('P', { inputPath: (s) => s.id })),
      ),
    );
    // @ts-expect-error InputPath on the Choice reads a field that exists.
    start.next(choice('C', (c) => c.inputPath('$.nothing').otherwise(succeed('X'))));
  });
});

describe('query languages', () => {
  it('rejects a state that contradicts the language it declares', () => {
    start.next(
      task('A', {
        resource,
        // @ts-expect-error A state declared JSONata cannot use InputPath.
        queryLanguage: 'JSONata',
        inputPath: (s) => s.id,
      }),
    );
    start.next(
      pass('P', {
        // @ts-expect-error A state declared JSONPath cannot use Output.
        queryLanguage: 'JSONPath',
        output: (s) => ({ id: s.id }),
      }),
    );
    start.next(
      map('M', {
        // @ts-expect-error A Map declared JSONata cannot use ItemsPath.
        queryLanguage: 'JSONata',
        itemsPath: '$.lines',
        processor: (l) => l.next(pass('E')),
      }),
    );
    start.next(
      parallel('Par', {
        // @ts-expect-error A Parallel declared JSONPath cannot use Arguments.
        queryLanguage: 'JSONPath',
        arguments: (s) => ({ id: s.id }),
        branches: [(b) => b.next(pass('B'))],
      }),
    );
  });

  it('rejects JSONPath states inside the nested scopes of a JSONata workflow', () => {
    workflow({ input: Order, queryLanguage: 'JSONata' }).define((s) =>
      // @ts-expect-error A Map processor inherits the workflow's JSONata: no InputPath in it.
      s.next(
        map('M', { items: (o) => o.lines, processor: (l) => l.next(pass('E', { inputPath: '$.sku' })) }),
      ),
    );
    workflow({ input: Order, queryLanguage: 'JSONata' }).define((s) =>
      // @ts-expect-error A Parallel branch inherits the workflow's JSONata: no OutputPath in it.
      s.next(
        parallel('Par', {
          branches: [(b) => b.next(pass('A')), (b) => b.next(pass('B', { outputPath: '$.id' }))],
        }),
      ),
    );
    workflow({ input: Order, queryLanguage: 'JSONata' }).define((s) =>
      // @ts-expect-error A JSONata workflow cannot hold a JSONPath Choice (InputPath).
      s.next(choice('C', (c) => c.inputPath('$.customer').otherwise(succeed('X')))),
    );
  });

  it('types whole JSONata expressions by what they declare', () => {
    start.next(
      map('M', {
        items: jsonata<{ qty: number }[]>('$states.input.lines'),
        itemSelector: jsonata<{ n: number }>('{"n": $states.context.Map.Item.Index}'),
        // @ts-expect-error ItemSelector as an expression: the processor reads what it declares, which has no `sku`.
        processor: (l) => l.next(pass('E', { output: (x) => ({ s: x.sku }) })),
      }),
    );
    // @ts-expect-error A task result typed Price cannot be read as having `id` by a JSONata Output.
    start.next(task('A', { resource, result: Price, output: (r) => ({ id: r.id }) }));
  });
});
