import { encodeChunks, HistoryGapError } from '@stepwise/runtime';
import { batch, eventRow, executionRow, T0 } from '@stepwise/runtime/store-contract';
import { describe, expect, it } from 'vitest';
import { encodeBatch } from './encoded-batch';

const a = executionRow('a').executionArn;
const b = executionRow('b').executionArn;

describe('a commit batch encoded for the writer', () => {
  it("holds the events as the SQL stores' rows (encodeChunks)", () => {
    const events = [
      eventRow(b, 3, 'PassStateEntered', { name: 'P' }),
      eventRow(a, 1, 'ExecutionStarted', { input: '{}' }),
      eventRow(a, 2, 'ExecutionSucceeded', { output: '1' }),
    ];
    expect(encodeBatch(batch({ events })).chunks).toEqual(encodeChunks(events));
  });

  it('keeps everything but the events as the batch had it', () => {
    const row = executionRow('c');
    const timer = { executionArn: row.executionArn, timerId: 'wait', due: T0 + 1000 };
    const encoded = encodeBatch(batch({ executions: [row], timersSet: [timer], owner: 'worker-1' }));
    expect(encoded).toMatchObject({
      executions: [row],
      timersSet: [timer],
      timersCleared: [],
      owner: 'worker-1',
    });
    expect(encoded.chunks).toEqual([]);
  });

  it('refuses a batch whose events of one execution leave a hole', () => {
    const events = [
      eventRow(a, 1, 'ExecutionStarted', {}),
      eventRow(a, 3, 'PassStateEntered', { name: 'P' }),
    ];
    expect(() => encodeBatch(batch({ events }))).toThrow(HistoryGapError);
  });
});
