import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { map, parallel, pass, type QueryLanguage, task, workflow } from '../index';
import { resource, start } from './fixtures';

type LanguageOf<C> = C extends { readonly __types: { readonly language: infer L extends QueryLanguage } }
  ? L
  : never;

describe('a state that declares its language', () => {
  it('keeps that language in the chain it joins', () => {
    const p = start.next(pass('P', { queryLanguage: 'JSONata' }));
    const t = start.next(task('T', { resource, queryLanguage: 'JSONPath', writeQueryLanguage: true }));
    const par = start.next(parallel('B', { queryLanguage: 'JSONata', branches: [(b) => b.next(pass('X'))] }));
    const m = start.next(
      map('M', { queryLanguage: 'JSONata', items: (s) => s.lines, processor: (i) => i.next(pass('Y')) }),
    );
    expectTypeOf<LanguageOf<typeof p>>().toEqualTypeOf<'JSONata'>();
    expectTypeOf<LanguageOf<typeof t>>().toEqualTypeOf<'JSONPath'>();
    expectTypeOf<LanguageOf<typeof par>>().toEqualTypeOf<'JSONata'>();
    expectTypeOf<LanguageOf<typeof m>>().toEqualTypeOf<'JSONata'>();
  });

  it('fits a JSONata workflow when it declares JSONata', () => {
    workflow({ input: z.object({ n: z.number() }), queryLanguage: 'JSONata' }).define((s) =>
      s.next(pass('P', { queryLanguage: 'JSONata', writeQueryLanguage: true })),
    );
    workflow({ input: z.object({ n: z.number() }), queryLanguage: 'JSONata' }).define((s) =>
      // @ts-expect-error A JSONata workflow cannot contain a state declared JSONPath.
      s.next(pass('P', { queryLanguage: 'JSONPath' })),
    );
  });
});
