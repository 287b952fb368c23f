import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../clock/virtual-clock';
import { createRuntime } from '../engine/runtime';
import { createFileItemReader } from './file-item-reader';

const GET_OBJECT = 'arn:aws:states:::s3:getObject';

function distributedMap(inputType: string) {
  return {
    StartAt: 'Each',
    States: {
      Each: {
        Type: 'Map',
        ItemReader: {
          Resource: GET_OBJECT,
          ReaderConfig: { InputType: inputType },
          Parameters: { Bucket: 'b', 'Key.$': '$.key' },
        },
        ItemProcessor: {
          ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
          StartAt: 'Item',
          States: { Item: { Type: 'Pass', End: true } },
        },
        End: true,
      },
    },
  };
}

describe('distributed Map item readers', () => {
  const root = mkdtempSync(join(tmpdir(), 'stepwise-items-'));
  mkdirSync(join(root, 'b'));
  writeFileSync(join(root, 'b', 'items.csv'), 'id,note\n1,"a, quoted"\n2,plain\n');
  writeFileSync(join(root, 'b', 'items.jsonl'), '{"id":1}\n{"id":2}\n');
  const runtime = createRuntime({
    clock: createVirtualClock(),
    itemReaders: { [GET_OBJECT]: createFileItemReader({ root }) },
  });

  it('reads CSV rows as objects keyed by the header row', async () => {
    const result = await runtime.execute(distributedMap('CSV'), { input: { key: 'items.csv' } });
    expect(result).toEqual({
      status: 'SUCCEEDED',
      output: [
        { id: '1', note: 'a, quoted' },
        { id: '2', note: 'plain' },
      ],
    });
  });

  it('reads JSON Lines one item per line', async () => {
    const result = await runtime.execute(distributedMap('JSONL'), { input: { key: 'items.jsonl' } });
    expect(result).toEqual({ status: 'SUCCEEDED', output: [{ id: 1 }, { id: 2 }] });
  });

  it('refuses a key that climbs out of the item root', async () => {
    const result = await runtime.execute(distributedMap('JSON'), { input: { key: '../../etc/passwd' } });
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.ItemReaderFailed' });
  });
});
