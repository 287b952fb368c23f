import { describe, expectTypeOf, it } from 'vitest';
import { choice, eq, fail, map, type OutputOf, parallel, pass, task, wait } from '../index';
import { Price, resource, start } from './fixtures';

describe('read paths written as string literals are typed like selectors', () => {
  it('select with InputPath and OutputPath', () => {
    const picked = start.next(pass('P', { inputPath: '$.customer' }));
    expectTypeOf<OutputOf<typeof picked>>().toEqualTypeOf<{ email: string; tier: 'gold' | 'basic' }>();
    const out = start.next(
      task('A', { resource, result: Price, resultPath: '$.price', outputPath: '$.price.amount' }),
    );
    expectTypeOf<OutputOf<typeof out>>().toEqualTypeOf<number>();
    const indexed = start.next(pass('P', { inputPath: '$.lines[0].sku' }));
    expectTypeOf<OutputOf<typeof indexed>>().toEqualTypeOf<string>();
    const quoted = start.next(pass('P', { inputPath: "$['customer'].email" }));
    expectTypeOf<OutputOf<typeof quoted>>().toEqualTypeOf<string>();
  });

  it('discard the data with InputPath or OutputPath null', () => {
    const noInput = start.next(pass('P', { inputPath: null }));
    expectTypeOf<OutputOf<typeof noInput>>().toEqualTypeOf<{}>();
    const noOutput = start.next(task('A', { resource, result: Price, outputPath: null }));
    expectTypeOf<OutputOf<typeof noOutput>>().toEqualTypeOf<{}>();
  });

  it('build payloads from "key.$" templates, with context and variables', () => {
    const built = start.next(
      pass('P', { parameters: { 'id.$': '$.id', 'run.$': '$$.Execution.Id', 'd.$': '$discount', fixed: 1 } }),
    );
    expectTypeOf<OutputOf<typeof built>>().toEqualTypeOf<{ id: string; run: string; d: number; fixed: 1 }>();
    const selected = start.next(
      task('A', { resource, result: Price, resultSelector: { 'cents.$': '$.amount' } }),
    );
    expectTypeOf<OutputOf<typeof selected>>().toEqualTypeOf<{ cents: number }>();
  });

  it('select Map items and Parallel input', () => {
    const mapped = start.next(
      map('M', {
        itemsPath: '$.lines',
        itemSelector: {
          'sku.$': '$$.Map.Item.Value.sku',
          'at.$': '$$.Map.Item.Index',
          'who.$': '$.customer.email',
        },
        processor: (item) => item.next(pass('Echo')),
      }),
    );
    expectTypeOf<OutputOf<typeof mapped>>().toEqualTypeOf<{ sku: string; at: number; who: string }[]>();
    const branches = start.next(
      parallel('Par', {
        inputPath: '$.customer',
        parameters: { 'email.$': '$.email' },
        branches: [(b) => b.next(pass('Email', { inputPath: '$.email' }))],
      }),
    );
    expectTypeOf<OutputOf<typeof branches>>().toEqualTypeOf<readonly [string]>();
  });

  it('feed Choice variables, SecondsPath, TimestampPath, ErrorPath and CausePath', () => {
    start.next(choice('C', (c) => c.when('$.paid', eq(true), pass('Paid')).otherwise(pass('Unpaid'))));
    start.next(wait('W', { seconds: '$.total' }));
    start.next(wait('W', { timestamp: '$.placedAt' }));
    start.next(wait('W', { timestamp: '2030-01-01T00:00:00Z' }));
    start.next(fail('F', { error: '$.customer.tier', cause: 'literal cause' }));
  });
});
