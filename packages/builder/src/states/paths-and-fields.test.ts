import { validate } from '@stepwise/asl';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InvalidPathStringError } from '../errors';
import {
  bool,
  choice,
  eq,
  fail,
  from,
  gt,
  map,
  numeric,
  parallel,
  pass,
  succeed,
  test,
  text,
  timestamp,
  wait,
  workflow,
} from '../index';

const Shipment = z.object({
  order: z.object({
    id: z.string(),
    total: z.number(),
    limit: z.number(),
    lines: z.array(z.object({ sku: z.string() })),
  }),
  due: z.string(),
  shippedAt: z.string(),
  express: z.boolean(),
  wanted: z.boolean(),
  carrier: z.string(),
  preferred: z.string(),
});

const states = (w: { compile(): unknown }) => (w.compile() as { States: Record<string, unknown> }).States;

describe('read paths written as strings', () => {
  it('are written as JSONPath wherever a path is read', () => {
    const w = workflow({ input: Shipment }).define((s) =>
      s
        .next(
          pass('Pick', {
            inputPath: '$.order',
            parameters: { 'id.$': '$.id', 'run.$': '$$.Execution.Id', fixed: 1 },
          }),
        )
        .next(wait('Later', { seconds: "$['id']" as never }))
        .next(fail('Stop', { error: 'Stopped', cause: '$.id' })),
    );
    expect(states(w).Pick).toEqual({
      Type: 'Pass',
      InputPath: '$.order',
      Parameters: { 'id.$': '$.id', 'run.$': '$$.Execution.Id', fixed: 1 },
      Next: 'Later',
    });
    expect(states(w).Later).toMatchObject({ SecondsPath: '$.id' });
    expect(states(w).Stop).toEqual({ Type: 'Fail', Error: 'Stopped', CausePath: '$.id' });
  });

  it('become JSONata references in JSONata states', () => {
    const w = workflow({ input: Shipment, queryLanguage: 'JSONata' }).define((s) =>
      s.next(
        choice('Express?', (c) => c.when('$.express', eq(true), succeed('Fast')).otherwise(succeed('Slow'))),
      ),
    );
    expect(states(w)['Express?']).toMatchObject({
      Choices: [{ Condition: '{% $states.input.express = true %}', Next: 'Fast' }],
    });
  });

  it('are refused at build time when they are not plain paths', () => {
    expect(() =>
      workflow({ input: Shipment })
        .define((s) => s.next(pass('P', { inputPath: '$.order..id' as never })))
        .compile(),
    ).toThrow(InvalidPathStringError);
  });
});

describe('InputPath and OutputPath null', () => {
  it('are written as null, which passes on {}', () => {
    const w = workflow({ input: Shipment }).define((s) =>
      s.next(pass('Drop', { inputPath: null, outputPath: null })),
    );
    expect(states(w).Drop).toEqual({ Type: 'Pass', InputPath: null, OutputPath: null, End: true });
    expect(validate(w.compile()).ok).toBe(true);
  });
});

describe('Choice', () => {
  it('compares a field with another field, by kind', () => {
    const w = workflow({ input: Shipment }).define((s) =>
      s.next(
        choice('Route', (c) =>
          c
            .whenRule((d) => test(d.order.total, numeric.gt(d.order.limit)), succeed('Over'))
            .whenRule((d) => test(d.carrier, text.eq(d.preferred)), succeed('Preferred'))
            .whenRule((d) => test(d.express, bool.eq(d.wanted)), succeed('AsWanted'))
            .whenRule((d) => test(d.shippedAt, timestamp.gt(d.due)), succeed('Late'))
            .otherwise(succeed('Fine')),
        ),
      ),
    );
    const rules = (states(w).Route as { Choices: unknown[] }).Choices;
    expect(rules).toEqual([
      { Variable: '$.order.total', NumericGreaterThanPath: '$.order.limit', Next: 'Over' },
      { Variable: '$.carrier', StringEqualsPath: '$.preferred', Next: 'Preferred' },
      { Variable: '$.express', BooleanEqualsPath: '$.wanted', Next: 'AsWanted' },
      { Variable: '$.shippedAt', TimestampGreaterThanPath: '$.due', Next: 'Late' },
    ]);
    expect(validate(w.compile()).ok).toBe(true);
  });

  it('writes rule-level Assign and Output, and the state’s own InputPath, OutputPath and Assign', () => {
    const jsonPath = workflow({ input: Shipment }).define((s) =>
      s.next(
        choice('Route', (c) =>
          c
            .inputPath('$.order')
            .outputPath('$.id')
            .assign((o) => ({ seen: o.total }))
            .whenWith((o) => o.total, gt(0), {
              assign: (o) => ({ big: o.total }),
              next: succeed('Big'),
            })
            .otherwise(succeed('Small')),
        ),
      ),
    );
    expect(states(jsonPath).Route).toEqual({
      Type: 'Choice',
      InputPath: '$.order',
      Choices: [{ Variable: '$.total', NumericGreaterThan: 0, Assign: { 'big.$': '$.total' }, Next: 'Big' }],
      Default: 'Small',
      OutputPath: '$.id',
      Assign: { 'seen.$': '$.total' },
    });
    const jsonata = workflow({ input: Shipment, queryLanguage: 'JSONata' }).define((s) =>
      s.next(
        choice('Route', (c) =>
          c
            .whenWith((d) => d.express, eq(true), {
              output: (d) => ({ id: d.order.id }),
              assign: (d) => ({ carrier: d.carrier }),
              next: (b) => b.next(pass('Echo', { output: (x) => ({ again: x.id }) })),
            })
            .otherwise(succeed('Done')),
        ),
      ),
    );
    expect((states(jsonata).Route as { Choices: unknown[] }).Choices).toEqual([
      {
        Condition: '{% $states.input.express = true %}',
        Assign: { carrier: '{% $states.input.carrier %}' },
        Output: { id: '{% $states.input.order.id %}' },
        Next: 'Echo',
      },
    ]);
    expect(validate(jsonata.compile()).ok).toBe(true);
  });
});

describe('Parallel and Map data fields', () => {
  it('write InputPath, Parameters, ResultSelector and OutputPath on Parallel', () => {
    const w = from<z.output<typeof Shipment>>().next(
      parallel('Both', {
        inputPath: '$.order',
        parameters: { 'id.$': '$.id' },
        branches: [(b) => b.next(pass('A')), (b) => b.next(pass('B'))],
        resultSelector: (results) => ({ first: results[0].id }),
        resultPath: '$.both',
        outputPath: '$.both',
      }),
    );
    const definition = workflow({ input: Shipment }).start(w).compile();
    expect(definition.States.Both).toMatchObject({
      InputPath: '$.order',
      Parameters: { 'id.$': '$.id' },
      ResultSelector: { 'first.$': '$[0].id' },
      ResultPath: '$.both',
      OutputPath: '$.both',
    });
    expect(validate(definition).ok).toBe(true);
  });

  it('write InputPath, ItemsPath and an ItemSelector template on Map', () => {
    const definition = workflow({ input: Shipment })
      .define((s) =>
        s.next(
          map('Each', {
            inputPath: '$.order',
            itemsPath: '$.lines',
            itemSelector: {
              'sku.$': '$$.Map.Item.Value.sku',
              'index.$': '$$.Map.Item.Index',
              'order.$': '$.id',
            },
            processor: (line) => line.next(pass('Line', { parameters: { 'sku.$': '$.sku' } })),
            outputPath: null,
          }),
        ),
      )
      .compile();
    expect(definition.States.Each).toMatchObject({
      InputPath: '$.order',
      ItemsPath: '$.lines',
      ItemSelector: { 'sku.$': '$$.Map.Item.Value.sku', 'index.$': '$$.Map.Item.Index', 'order.$': '$.id' },
      OutputPath: null,
    });
    expect(validate(definition).ok).toBe(true);
  });
});
