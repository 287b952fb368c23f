import { describe, expect, it } from 'vitest';
import { FieldsTag, PayloadTag } from './event-tag';
import { HistoryRecorder } from './history-recorder';
import { LazyPayload } from './lazy-payload';

describe('event tags', () => {
  it('turn the value recorded beside them into AWS details only when the history is read', () => {
    const recorder = new HistoryRecorder(() => 0);
    const lane = { cursor: 0 };
    const scheduled = new FieldsTag('LambdaFunctionScheduled', (input) => ({
      resource: 'arn:fn',
      input: new LazyPayload(input),
      inputDetails: { truncated: false },
    }));
    recorder.advanceTagged(lane, scheduled, { id: 7 });
    recorder.advanceTagged(lane, new PayloadTag('LambdaFunctionSucceeded', 'output'), 'done');
    expect(recorder.events).toMatchObject([
      {
        type: 'LambdaFunctionScheduled',
        lambdaFunctionScheduledEventDetails: {
          resource: 'arn:fn',
          input: '{"id":7}',
          inputDetails: { truncated: false },
        },
      },
      {
        type: 'LambdaFunctionSucceeded',
        previousEventId: 1,
        lambdaFunctionSucceededEventDetails: { output: '"done"', outputDetails: { truncated: false } },
      },
    ]);
  });

  it('share one instant when the caller gives the time', () => {
    let now = 100;
    const recorder = new HistoryRecorder(() => now++);
    const lane = { cursor: 0 };
    const first = recorder.advance(lane, 'TaskScheduled');
    recorder.advance(lane, 'TaskStarted', undefined, recorder.timeOf(first));
    recorder.advance(lane, 'TaskSucceeded');
    expect(recorder.events.map((event) => event.timestamp.getTime())).toEqual([100, 100, 101]);
  });
});
