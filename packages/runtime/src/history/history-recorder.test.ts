import { describe, expect, it } from 'vitest';
import { PayloadTag } from './event-tag';
import { HistoryRecorder } from './history-recorder';
import { LazyAssignments, LazyPayload } from './lazy-payload';

describe('history recorder', () => {
  it('numbers events from 1 and shows payloads as JSON text with Date timestamps', () => {
    let now = 1_000;
    const recorder = new HistoryRecorder(() => now);
    recorder.append('ExecutionStarted', 0, {
      input: new LazyPayload({ a: 1 }),
      inputDetails: { truncated: false },
    });
    now = 2_000;
    const lane = { cursor: 1 };
    recorder.advance(lane, 'PassStateExited', {
      name: 'P',
      output: new LazyPayload(undefined),
      assignedVariables: new LazyAssignments({ x: [1], y: 'z' }),
    });
    expect(lane.cursor).toBe(2);
    expect(recorder.events).toEqual([
      {
        id: 1,
        previousEventId: 0,
        type: 'ExecutionStarted',
        timestamp: new Date(1_000),
        executionStartedEventDetails: { input: '{"a":1}', inputDetails: { truncated: false } },
      },
      {
        id: 2,
        previousEventId: 1,
        type: 'PassStateExited',
        timestamp: new Date(2_000),
        stateExitedEventDetails: { name: 'P', output: 'null', assignedVariables: { x: '[1]', y: '"z"' } },
      },
    ]);
  });

  it('fails with States.Runtime when the history would pass its limit, keeping a slot for the last event', () => {
    const recorder = new HistoryRecorder(() => 0, 3);
    recorder.append('ExecutionStarted', 0);
    recorder.append('PassStateEntered', 1);
    expect(() => recorder.append('PassStateExited', 2)).toThrow(/maximum number of history events/);
    expect(recorder.append('ExecutionFailed', 2, undefined, true)).toBe(3);
  });

  it('records a state payload under its tag, and counts only recorded events when sized up front', () => {
    const recorder = new HistoryRecorder(() => 5, 25_000, undefined, 16);
    recorder.append('ExecutionStarted', 0);
    const lane = { cursor: 1 };
    recorder.advanceTagged(lane, new PayloadTag('PassStateEntered', 'input', 'P'), { a: 1 });
    recorder.advanceTagged(lane, new PayloadTag('PassStateExited', 'output', 'P'), [2]);
    expect(recorder.count).toBe(3);
    expect(recorder.events.map((event) => event.type)).toEqual([
      'ExecutionStarted',
      'PassStateEntered',
      'PassStateExited',
    ]);
    expect(recorder.events[1]).toMatchObject({
      previousEventId: 1,
      stateEnteredEventDetails: { name: 'P', input: '{"a":1}' },
    });
    expect(recorder.events[2]).toMatchObject({
      previousEventId: 2,
      stateExitedEventDetails: { name: 'P', output: '[2]' },
    });
  });

  it('streams events already recorded and those still to come, then ends when closed', async () => {
    const recorder = new HistoryRecorder(() => 0);
    recorder.append('ExecutionStarted', 0);
    const seen: number[] = [];
    const reading = (async () => {
      for await (const event of recorder.stream()) seen.push(event.id);
    })();
    await Promise.resolve();
    recorder.append('ExecutionSucceeded', 1, undefined, true);
    recorder.close();
    await reading;
    expect(seen).toEqual([1, 2]);
  });

  it('tells subscribers of each event as it is recorded', () => {
    const recorder = new HistoryRecorder(() => 0);
    const seen: string[] = [];
    recorder.subscribe((event) => seen.push(event.type));
    recorder.append('ExecutionStarted', 0);
    expect(seen).toEqual(['ExecutionStarted']);
  });
});
