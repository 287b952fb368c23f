import { describe, it } from 'vitest';
import { choice, eq, fail, map, parallel, pass, task, wait } from '../index';
import { Price, resource, start } from './fixtures';

/*
 * Read paths written as string literals are checked segment by segment.
 * Each case must fail to compile; the comment says why.
 */

describe('literal read paths name only fields that exist', () => {
  it('rejects missing fields wherever a path is read', () => {
    // @ts-expect-error InputPath: Order has no field `customerId`.
    start.next(pass('P', { inputPath: '$.customerId' }));
    // @ts-expect-error InputPath: `email` lives under `customer`.
    start.next(task('A', { resource, inputPath: '$.email' }));
    // @ts-expect-error Indexing an object that is not an array.
    start.next(pass('P', { inputPath: '$.customer[0]' }));
    // @ts-expect-error Array items have no `price`.
    start.next(pass('P', { inputPath: '$.lines[0].price' }));
    // @ts-expect-error The context object has no `Execution.Ident`.
    start.next(pass('P', { inputPath: '$$.Execution.Ident' }));
    // @ts-expect-error No variable `coupon` was assigned.
    start.next(pass('P', { inputPath: '$coupon' }));
    // @ts-expect-error A path must start with `$`.
    start.next(pass('P', { inputPath: 'customer.email' }));
    // @ts-expect-error Prototype-reaching segments are refused.
    start.next(pass('P', { inputPath: '$.customer.constructor' }));
    // @ts-expect-error OutputPath sees the data after ResultPath: Price has no `tax`.
    start.next(task('A', { resource, result: Price, resultPath: '$.price', outputPath: '$.price.tax' }));
    // @ts-expect-error Filters and wildcards are not plain paths.
    start.next(pass('P', { inputPath: '$.lines[*]' }));
  });

  it('rejects bad paths inside templates', () => {
    // @ts-expect-error Parameters template: no field `totl`.
    start.next(pass('P', { parameters: { 'total.$': '$.totl' } }));
    // @ts-expect-error ResultSelector template reads the result: Price has no `id`.
    start.next(task('A', { resource, result: Price, resultSelector: { 'id.$': '$.id' } }));
    // @ts-expect-error Nested template objects are checked too.
    start.next(pass('P', { parameters: { nested: { 'mail.$': '$.customer.mail' } } }));
    start.next(
      map('M', {
        itemsPath: '$.lines',
        // @ts-expect-error The Map item (a line) has no `price`.
        itemSelector: { 'p.$': '$$.Map.Item.Value.price' },
        processor: (item) => item.next(pass('Echo')),
      }),
    );
  });

  it('rejects paths to data of the wrong type', () => {
    // @ts-expect-error SecondsPath must select a number; `placedAt` is a string.
    start.next(wait('W', { seconds: '$.placedAt' }));
    // @ts-expect-error TimestampPath must select a string; `total` is a number.
    start.next(wait('W', { timestamp: '$.total' }));
    // @ts-expect-error CausePath must select a string; `customer` is an object.
    start.next(fail('F', { cause: '$.customer' }));
    // @ts-expect-error ItemsPath to a missing field.
    start.next(map('M', { itemsPath: '$.items', processor: (i) => i.next(pass('E')) }));
    // @ts-expect-error A Choice variable given as a path is typed: `total` is not a boolean.
    start.next(choice('C', (c) => c.when('$.total', eq(true), pass('X')).otherwise(pass('Y'))));
    // @ts-expect-error A Choice variable to a missing field.
    start.next(choice('C', (c) => c.when('$.shipped', eq(true), pass('X')).otherwise(pass('Y'))));
    start.next(
      // @ts-expect-error Parallel InputPath to a missing field.
      parallel('Par', { inputPath: '$.nothing', branches: [(b) => b.next(pass('B'))] }),
    );
  });
});

describe('MaxConcurrencyPath', () => {
  it('must read a number', () => {
    start.next(
      map('M', {
        itemsPath: '$.lines',
        // @ts-expect-error `id` is a string, and MaxConcurrency a number.
        maxConcurrency: '$.id',
        processor: (line) => line.next(pass('P')),
      }),
    );
  });
});
