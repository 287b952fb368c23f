import { jsonata, lambda, map, task, workflow } from '@stepwise/builder';
import { z } from 'zod';

/** A batch to import: where the raw records come from. */
export const Batch = z.object({ batchId: z.string(), source: z.string() });

const RawRecord = z.object({ id: z.string(), amount: z.string(), currency: z.string() });
const Extracted = z.object({ records: z.array(RawRecord) });
const Row = z.object({ id: z.string(), cents: z.number(), currency: z.string() });
const LoadReport = z.object({ batchId: z.string(), loaded: z.number(), rejected: z.number() });

const resources = {
  extract: lambda('ExtractRecords'),
  transform: lambda('TransformRecord'),
  load: lambda('LoadRows'),
};

/**
 * Extract the records of a batch, transform each one in a Map that retries
 * transient failures and tolerates a share of bad records, then load the rows
 * that made it. Written in JSONata, with the batch id kept in a variable.
 */
export const etlPipeline = workflow({
  comment: 'Extract, transform and load one batch of records',
  input: Batch,
  queryLanguage: 'JSONata',
}).define((start) =>
  start
    .next(
      task('Extract', {
        resource: resources.extract,
        arguments: (batch) => ({ source: batch.source }),
        result: Extracted,
        assign: (_result, _ctx, _vars, batch) => ({ batchId: batch.batchId }),
        output: (result) => ({ records: result.records }),
      }),
    )
    .next(
      map('Transform Records', {
        items: (s) => s.records,
        mode: 'DISTRIBUTED',
        executionType: 'EXPRESS',
        label: 'Transform',
        maxConcurrency: 4,
        // A few malformed records should not sink the batch; a third of them should.
        toleratedFailurePercentage: 30,
        processor: (record) =>
          record.next(
            task('Transform', {
              resource: resources.transform,
              arguments: (r) => ({ id: r.id, amount: r.amount, currency: r.currency }),
              result: Row,
              retry: [
                { errors: ['Transform.Transient'], intervalSeconds: 1, maxAttempts: 3, backoffRate: 2 },
              ],
            }),
          ),
        // Failed items come back as { Error, Cause }: keep the rows, count the rest.
        output: jsonata<{ rows: z.output<typeof Row>[]; rejected: number }>(
          '{ "rows": [$states.result[$exists(id)]], "rejected": $count($states.result[$exists(Error)]) }',
        ),
      }),
    )
    .next(
      task('Load', {
        resource: resources.load,
        arguments: (s, _ctx, vars) => ({ batchId: vars.batchId, rows: s.rows, rejected: s.rejected }),
        result: LoadReport,
      }),
    ),
);

/** The compiled definition. */
export const etlDefinition = etlPipeline.compile();

/** Raw records by source, standing in for the extract store. */
const sources: Readonly<Record<string, z.input<typeof RawRecord>[]>> = {
  'orders.csv': [
    { id: 'r1', amount: '12.50', currency: 'EUR' },
    { id: 'r2', amount: 'n/a', currency: 'EUR' },
    { id: 'r3', amount: '7', currency: 'usd' },
    { id: 'r4', amount: '0.99', currency: 'GBP' },
  ],
  'broken.csv': [
    { id: 'b1', amount: 'x', currency: 'EUR' },
    { id: 'b2', amount: 'y', currency: 'EUR' },
    { id: 'b3', amount: '1', currency: 'EUR' },
  ],
};

/** How often each record has been tried, so a transient failure can pass on the retry. */
const attempts = new Map<string, number>();

/** Local stand-ins for the three Lambda functions, checked against the task schemas. */
export const etlHandlers = etlPipeline.handlers({
  [resources.extract]: (input) => ({ records: sources[(input as { source: string }).source] ?? [] }),
  [resources.transform]: (input) => {
    const record = input as z.output<typeof RawRecord>;
    const tries = (attempts.get(record.id) ?? 0) + 1;
    attempts.set(record.id, tries);
    // The first call for r3 fails the way a throttled dependency does; the retry succeeds.
    if (record.id === 'r3' && tries === 1) {
      throw Object.assign(new Error('dependency throttled'), { name: 'Transform.Transient' });
    }
    const amount = Number(record.amount);
    if (!Number.isFinite(amount)) {
      throw Object.assign(new Error(`amount "${record.amount}" is not a number`), {
        name: 'Transform.BadRecord',
      });
    }
    return { id: record.id, cents: Math.round(amount * 100), currency: record.currency.toUpperCase() };
  },
  [resources.load]: (input) => {
    const { batchId, rows, rejected } = input as { batchId: string; rows: unknown[]; rejected: number };
    return { batchId, loaded: rows.length, rejected };
  },
});
