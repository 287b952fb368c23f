import { describe, expect, it } from 'vitest';
import { eventRow } from './contract/sample-rows';
import { chunksOf, decodeChunk, encodeChunk, MAX_EVENT_ID } from './event-chunks';
import { DuplicateTransitionError, HistoryTooLongError, StoreCorruptionError } from './store-errors';

const a = 'arn:aws:states:us-east-1:123456789012:execution:M:a';
const b = 'arn:aws:states:us-east-1:123456789012:execution:M:b';

describe('event chunks', () => {
  it('group a commit by execution, each in id order, and read back exactly what was written', () => {
    const events = [
      eventRow(a, 2, 'TaskStateEntered', { name: 'T', input: '{"s":"\\"quoted\\""}' }),
      eventRow(b, 1, 'ExecutionStarted', { input: '{}' }),
      eventRow(a, 1, 'ExecutionStarted', { input: '{}' }),
      { ...eventRow(a, 3, 'LambdaFunctionStarted'), details: undefined },
    ];
    const chunks = chunksOf(events);
    expect(chunks.map((c) => [c.executionArn, c.firstId, c.lastId])).toEqual([
      [a, 1, 3],
      [b, 1, 1],
    ]);
    const first = chunks[0] as (typeof chunks)[number];
    expect(decodeChunk(a, 1, encodeChunk(first.events))).toEqual([events[2], events[0], events[3]]);
  });

  it('refuse an event id twice in one commit, and ids beyond what a key can hold', () => {
    expect(() => chunksOf([eventRow(a, 2, 'PassStateEntered'), eventRow(a, 2, 'PassStateExited')])).toThrow(
      DuplicateTransitionError,
    );
    expect(() => chunksOf([eventRow(a, MAX_EVENT_ID + 1, 'PassStateEntered')])).toThrow(HistoryTooLongError);
  });

  it('report a chunk that is not the shape written as corruption, naming its first event', () => {
    expect(() => decodeChunk(a, 7, '[[7,6,"PassStateEntered"')).toThrow(StoreCorruptionError);
    expect(() => decodeChunk(a, 7, '[]')).toThrow(/event 7 of .*:a/);
    expect(() => decodeChunk(a, 7, '[[7,6,"PassStateEntered",1,5,null]]')).toThrow(/malformed event/);
  });
});
