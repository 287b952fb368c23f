import { describe, expect, it } from 'vitest';
import { eventRow, T0 } from './contract/sample-rows';
import {
  checkFollows,
  chunksOf,
  decodeChunk,
  decodeHistory,
  encodeChunk,
  encodeChunks,
  MAX_EVENT_ID,
} from './event-chunks';
import {
  DuplicateTransitionError,
  HistoryGapError,
  HistoryTooLongError,
  StoreCorruptionError,
} from './store-errors';

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

  it('read back any position written, the ones the engine never makes included', () => {
    const positions = [
      ':1',
      '/0.2/1.0:3',
      '~:4>ExecutionSucceeded',
      'quote " back\\slash',
      'line\nfeed\u0001',
    ];
    const events = positions.map((position, i) => ({ ...eventRow(a, i + 1, 'PassStateEntered'), position }));
    expect(decodeChunk(a, 1, encodeChunk(events)).map((e) => e.position)).toEqual(positions);
  });

  it('refuse an event id twice in one commit, and ids beyond what a key can hold', () => {
    expect(() => chunksOf([eventRow(a, 2, 'PassStateEntered'), eventRow(a, 2, 'PassStateExited')])).toThrow(
      DuplicateTransitionError,
    );
    expect(() => chunksOf([eventRow(a, MAX_EVENT_ID + 1, 'PassStateEntered')])).toThrow(HistoryTooLongError);
  });

  it('refuse a hole in a history: inside one commit, or between the stored events and a commit', () => {
    const holed = () => chunksOf([eventRow(a, 1, 'ExecutionStarted'), eventRow(a, 3, 'PassStateEntered')]);
    expect(holed).toThrow(HistoryGapError);
    expect(holed).toThrow(/cannot record event 3: the store's last event of it is 1/);
    const [next] = chunksOf([eventRow(a, 5, 'PassStateEntered'), eventRow(a, 6, 'PassStateExited')]);
    if (!next) throw new Error('no chunk');
    expect(() => checkFollows(next, 4)).not.toThrow();
    expect(() => checkFollows(next, 3)).toThrow(HistoryGapError);
    expect(() => checkFollows(next, 5)).toThrow(DuplicateTransitionError);
  });

  it('report a chunk that is not the shape written as corruption, naming its first event', () => {
    expect(() => decodeChunk(a, 7, '[[7,6,"PassStateEntered"')).toThrow(StoreCorruptionError);
    expect(() => decodeChunk(a, 7, '[]')).toThrow(/event 7 of .*:a/);
    expect(() => decodeChunk(a, 7, '[[7,6,"PassStateEntered",1,5,null]]')).toThrow(/malformed event/);
  });
});

describe('a chunk read back that disagrees with its row', () => {
  const text = encodeChunk([eventRow(a, 4, 'PassStateEntered'), eventRow(a, 5, 'PassStateExited')]);

  it('is corruption when its events are numbered from elsewhere than the row says', () => {
    expect(() => decodeChunk(a, 3, text)).toThrow(/its event 1 has id 4, not 3/);
  });

  it('is corruption when the row names another last event', () => {
    expect(decodeChunk(a, 4, text, 5)).toHaveLength(2);
    expect(() => decodeChunk(a, 4, text, 3)).toThrow(StoreCorruptionError);
    expect(() => decodeChunk(a, 4, text, 3)).toThrow(/last event is 3, but it ends at 5/);
  });

  it('is corruption when an event has a type the runtime never records', () => {
    const renamed = text.replace('PassStateExited', 'PassStateExploded');
    expect(() => decodeChunk(a, 4, renamed)).toThrow(/unknown type "PassStateExploded"/);
  });

  it('is corruption when an event has a time no Date can hold', () => {
    const far = JSON.stringify([[4, 3, 'PassStateEntered', 1e300, ':1', null]]);
    expect(() => decodeChunk(a, 4, far)).toThrow(StoreCorruptionError);
    expect(() => decodeChunk(a, 4, far)).toThrow(/event 4 has a time no Date can hold \(1e\+300\)/);
  });

  it('is corruption when the row gives no number for its first event', () => {
    expect(() => decodeChunk(a, 'one' as unknown as number, text)).toThrow(/its first event id is "one"/);
  });
});

describe("a commit's events as the rows the SQL stores write", () => {
  it('holds one chunk per execution, in order of first appearance, whose text decodes to its events', () => {
    const events = [
      eventRow(b, 3, 'PassStateEntered', { name: 'P' }),
      eventRow(a, 1, 'ExecutionStarted', { input: '{}' }),
      eventRow(b, 4, 'PassStateExited', { name: 'P' }),
      eventRow(a, 2, 'PassStateEntered', { name: 'P' }),
    ];
    const chunks = encodeChunks(events);
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
    const [chunk] = encodeChunks(events);
    expect(chunk?.end).toEqual({
      status: 'FAILED',
      stopTime: T0 + 6,
      output: undefined,
      error: 'E',
      cause: 'why',
    });
  });

  it('refuses events of one execution that leave a hole', () => {
    const events = [
      eventRow(a, 1, 'ExecutionStarted', {}),
      eventRow(a, 3, 'PassStateEntered', { name: 'P' }),
    ];
    expect(() => encodeChunks(events)).toThrow(HistoryGapError);
  });
});

describe('a history read back from its chunk rows', () => {
  const rows = [1, 2, 3, 4].map((id) => eventRow(a, id, 'PassStateEntered', {}));
  const first = encodeChunk(rows.slice(0, 2));
  const second = encodeChunk(rows.slice(2));

  it('is the events of its rows, in order, when they follow one another from event 1', () => {
    const events = decodeHistory(a, [
      [1, 2, first],
      [3, 4, second],
    ]);
    expect(events.map((e) => e.id)).toEqual([1, 2, 3, 4]);
  });

  it('is corruption, naming the missing events, when a row between two others is gone', () => {
    expect(() => decodeHistory(a, [[3, 4, second]])).toThrow(StoreCorruptionError);
    expect(() => decodeHistory(a, [[3, 4, second]])).toThrow(`history of ${a}: events 1 to 2 are missing`);
  });

  it('is corruption when two rows hold the same events', () => {
    expect(() =>
      decodeHistory(a, [
        [1, 2, first],
        [1, 2, first],
      ]),
    ).toThrow('event 1 is stored twice');
  });
});
