import { validate } from '@stepwise/asl';
import { createRuntime, createVirtualClock } from '@stepwise/runtime';
import { describe, expect, it } from 'vitest';
import { etlDefinition, etlHandlers } from './workflow';

const run = (source: string) =>
  createRuntime({ handlers: etlHandlers, clock: createVirtualClock() }).execute(etlDefinition, {
    input: { batchId: `batch-${source}`, source },
  });

describe('the ETL pipeline example', () => {
  it('compiles to a valid JSONata state machine with a distributed Map', () => {
    expect(validate(etlDefinition)).toEqual({ ok: true, diagnostics: [] });
    expect(etlDefinition.QueryLanguage).toBe('JSONata');
    expect(etlDefinition.States['Transform Records']).toMatchObject({
      Type: 'Map',
      Items: '{% $states.input.records %}',
      ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' } },
      MaxConcurrency: 4,
      ToleratedFailurePercentage: 30,
    });
  });

  it('loads the good rows, retries a transient failure and tolerates one bad record', async () => {
    expect(await run('orders.csv')).toEqual({
      status: 'SUCCEEDED',
      output: { batchId: 'batch-orders.csv', loaded: 3, rejected: 1 },
    });
  });

  it('fails the batch when more bad records than tolerated come in', async () => {
    expect(await run('broken.csv')).toMatchObject({
      status: 'FAILED',
      error: 'States.ExceedToleratedFailureThreshold',
    });
  });
});
