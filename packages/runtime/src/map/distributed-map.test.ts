import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventTypes, specRuntime } from '../testing/spec-runtime';
import { createFileItemReader } from './file-item-reader';
import type { ResultWriteRequest } from './result-writer';

const GET_OBJECT = 'arn:aws:states:::s3:getObject';
const PUT_OBJECT = 'arn:aws:states:::s3:putObject';

function distributed(fields: Record<string, unknown>, processor: Record<string, unknown> = {}) {
  return {
    StartAt: 'Each',
    States: {
      Each: {
        Type: 'Map',
        ItemProcessor: {
          ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
          StartAt: 'Item',
          States: { Item: { Type: 'Pass', End: true } },
          ...processor,
        },
        ...fields,
        End: true,
      },
    },
  };
}

/** An item processor that fails items whose `ok` is false. */
const failingOnBadItems = {
  StartAt: 'Check',
  States: {
    Check: {
      Type: 'Choice',
      Choices: [{ Variable: '$.ok', BooleanEquals: false, Next: 'Bad' }],
      Default: 'Good',
    },
    Good: { Type: 'Pass', OutputPath: '$.id', End: true },
    Bad: { Type: 'Fail', Error: 'Item.Bad', Cause: 'not ok' },
  },
};

describe('Map state (distributed)', () => {
  const root = mkdtempSync(join(tmpdir(), 'stepwise-dmap-'));
  mkdirSync(join(root, 'b'));
  writeFileSync(join(root, 'b', 'items.json'), JSON.stringify([{ id: 1 }, { id: 2 }, { id: 3 }]));
  writeFileSync(join(root, 'b', 'items.jsonl'), '{"id":1}\n{"id":2}\n');
  writeFileSync(join(root, 'b', 'items.csv'), 'id,name\n1,"Smith, J"\n2,Lee\n');
  const itemReaders = { [GET_OBJECT]: createFileItemReader({ root }) };

  it('iterates over an array in the input and keeps iterations out of the parent history', async () => {
    const { runtime } = specRuntime();
    const execution = runtime.startExecution(distributed({ ItemsPath: '$.list' }), {
      input: { list: [1, 2] },
    });
    expect(await execution.result()).toEqual({ status: 'SUCCEEDED', output: [1, 2] });
    const types = eventTypes(execution.history());
    expect(types).toContain('MapRunStarted');
    expect(types).toContain('MapRunSucceeded');
    expect(types).not.toContain('MapIterationStarted');
    expect(types).not.toContain('PassStateEntered');
  });

  it.each([
    ['JSON', 'items.json', [{ id: 1 }, { id: 2 }, { id: 3 }]],
    ['JSONL', 'items.jsonl', [{ id: 1 }, { id: 2 }]],
    [
      'CSV',
      'items.csv',
      [
        { id: '1', name: 'Smith, J' },
        { id: '2', name: 'Lee' },
      ],
    ],
  ])('reads %s items through the ItemReader', async (inputType, key, expected) => {
    const { runtime } = specRuntime({ itemReaders });
    const result = await runtime.execute(
      distributed({
        ItemReader: {
          Resource: GET_OBJECT,
          ReaderConfig: {
            InputType: inputType,
            ...(inputType === 'CSV' ? { CSVHeaderLocation: 'FIRST_ROW' } : {}),
          },
          Parameters: { Bucket: 'b', Key: key },
        },
      }),
    );
    expect(result).toEqual({ status: 'SUCCEEDED', output: expected });
  });

  it('stops reading at ReaderConfig.MaxItems', async () => {
    const { runtime } = specRuntime({ itemReaders });
    const result = await runtime.execute(
      distributed({
        ItemReader: {
          Resource: GET_OBJECT,
          ReaderConfig: { InputType: 'JSON', MaxItems: 2 },
          Parameters: { Bucket: 'b', Key: 'items.json' },
        },
      }),
    );
    expect(result).toEqual({ status: 'SUCCEEDED', output: [{ id: 1 }, { id: 2 }] });
  });

  it('fails with States.ItemReaderFailed when no reader serves the resource', async () => {
    const { runtime } = specRuntime();
    const result = await runtime.execute(
      distributed({ ItemReader: { Resource: GET_OBJECT, Parameters: { Bucket: 'b', Key: 'items.json' } } }),
    );
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.ItemReaderFailed' });
  });

  it('groups items with ItemBatcher, adding BatchInput to every batch', async () => {
    const { runtime } = specRuntime();
    const result = await runtime.execute(
      distributed({ ItemBatcher: { MaxItemsPerBatch: 2, BatchInput: { job: 'j' } } }),
      { input: [1, 2, 3] },
    );
    expect(result).toEqual({
      status: 'SUCCEEDED',
      output: [
        { BatchInput: { job: 'j' }, Items: [1, 2] },
        { BatchInput: { job: 'j' }, Items: [3] },
      ],
    });
  });

  it('fails with States.ExceedToleratedFailureThreshold once failures pass ToleratedFailureCount', async () => {
    const { runtime } = specRuntime();
    const execution = runtime.startExecution(distributed({ ToleratedFailureCount: 1 }, failingOnBadItems), {
      input: [
        { id: 1, ok: false },
        { id: 2, ok: false },
        { id: 3, ok: true },
      ],
    });
    expect(await execution.result()).toMatchObject({
      status: 'FAILED',
      error: 'States.ExceedToleratedFailureThreshold',
    });
    expect(eventTypes(execution.history())).toContain('MapRunFailed');
  });

  it('keeps tolerated failures in their slots as {Error, Cause}', async () => {
    const { runtime } = specRuntime();
    const result = await runtime.execute(distributed({ ToleratedFailurePercentage: 50 }, failingOnBadItems), {
      input: [
        { id: 1, ok: true },
        { id: 2, ok: false },
      ],
    });
    expect(result).toEqual({ status: 'SUCCEEDED', output: [1, { Error: 'Item.Bad', Cause: 'not ok' }] });
  });

  it('hands the ResultWriter the succeeded outputs and the tolerated failures apart', async () => {
    const requests: ResultWriteRequest[] = [];
    const { runtime } = specRuntime({
      resultWriter: (request) => {
        requests.push(request);
        return { Bucket: 'out', Key: 'manifest.json' };
      },
    });
    const result = await runtime.execute(
      distributed(
        {
          ToleratedFailureCount: 5,
          Label: 'Orders',
          ResultWriter: { Resource: PUT_OBJECT, Parameters: { Bucket: 'out', Prefix: 'runs' } },
        },
        failingOnBadItems,
      ),
      {
        input: [
          { id: 1, ok: true },
          { id: 2, ok: false },
          { id: 3, ok: true },
        ],
      },
    );
    expect(requests).toHaveLength(1);
    expect(requests[0]?.succeeded).toEqual([1, 3]);
    expect(requests[0]?.failed).toEqual([
      { index: 1, input: { id: 2, ok: false }, error: 'Item.Bad', cause: 'not ok' },
    ]);
    expect(requests[0]?.parameters).toEqual({ Bucket: 'out', Prefix: 'runs' });
    const output = (result as { output: { MapRunArn: string; ResultWriterDetails: unknown } }).output;
    expect(output.ResultWriterDetails).toEqual({ Bucket: 'out', Key: 'manifest.json' });
    // The Label names the Map Run in its ARN.
    expect(output.MapRunArn).toContain(':mapRun:StateMachine/Orders:');
  });
});
