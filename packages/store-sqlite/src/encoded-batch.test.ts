import { decodeChunk, HistoryGapError } from '@stepwise/runtime';
import { batch, eventRow, executionRow, T0 } from '@stepwise/runtime/store-contract';
import { describe, expect, it } from 'vitest';
import { encodeBatch } from './encoded-batch';

const a = executionRow('a').executionArn;
const b = executionRow('b').executionArn;

describe('a commit batch encoded for the writer', () => {
  it('holds one chunk per execution, in order of first appearance, whose text decodes to its events', () => {
    const events = [
      eventRow(b, 3, 'PassStateEntered', { name: 'P' }),
      eventRow(a, 1, 'ExecutionStarted', { input: '{}' }),
      eventRow(b, 4, 'PassStateExited', { name: 'P' }),
      eventRow(a, 2, 'PassStateEntered', { name: 'P' }),
    ];
    const { chunks } = encodeBatch(batch({ events }));
    expect(chunks.map(({ executionArn, firstId, lastId }) => [executionArn, firstId, lastId])).toEqual([
      [b, 3, 4],
      [a, 1, 2],
    ]);
    expect(decodeChunk(b, 3, chunks[0]?.text as string)).toEqual([events[0], events[2]]);
    expect(decodeChunk(a, 1, chunks[1]?.text as string)).toEqual([events[1], events[3]]);
    expect(chunks.map((chunk) => chunk.end)).toEqual([undefined, undefined]);
  });

  it("carries the execution's outcome when its chunk holds the terminal event", () => {
    const events = [
      eventRow(a, 5, 'PassStateExited', { name: 'P' }),
      eventRow(a, 6, 'ExecutionFailed', { error: 'E', cause: 'why' }),
    ];
    const [chunk] = encodeBatch(batch({ events })).chunks;
    expect(chunk?.end).toEqual({
      status: 'FAILED',
      stopTime: T0 + 6,
      output: undefined,
      error: 'E',
      cause: 'why',
    });
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
