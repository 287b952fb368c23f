import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../clock/virtual-clock';
import { createRuntime } from '../engine/runtime';
import type { HistoryEvent } from './history-event';

const summary = (events: readonly HistoryEvent[]) =>
  events.map((e) => `${e.id}<${e.previousEventId} ${e.type}`);

describe('history numbering, as AWS numbers it', () => {
  it('links the first state to event 0 and each later event to its predecessor', async () => {
    const execution = createRuntime({ clock: createVirtualClock() }).startExecution({
      StartAt: 'A',
      States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Succeed' } },
    });
    await execution.result();
    expect(summary(execution.history())).toEqual([
      '1<0 ExecutionStarted',
      '2<0 PassStateEntered',
      '3<2 PassStateExited',
      '4<3 SucceedStateEntered',
      '5<4 SucceedStateExited',
      '6<5 ExecutionSucceeded',
    ]);
  });

  it('links each sequential Map iteration to the last event of the iteration before', async () => {
    const execution = createRuntime({ clock: createVirtualClock() }).startExecution(
      {
        StartAt: 'Each',
        States: {
          Each: {
            Type: 'Map',
            MaxConcurrency: 1,
            ItemProcessor: { StartAt: 'Item', States: { Item: { Type: 'Pass', End: true } } },
            End: true,
          },
        },
      },
      { input: [1, 2] },
    );
    await execution.result();
    expect(summary(execution.history())).toEqual([
      '1<0 ExecutionStarted',
      '2<0 MapStateEntered',
      '3<2 MapStateStarted',
      '4<3 MapIterationStarted',
      '5<4 PassStateEntered',
      '6<5 PassStateExited',
      '7<6 MapIterationSucceeded',
      '8<6 MapIterationStarted',
      '9<8 PassStateEntered',
      '10<9 PassStateExited',
      '11<10 MapIterationSucceeded',
      '12<11 MapStateSucceeded',
      '13<11 MapStateExited',
      '14<13 ExecutionSucceeded',
    ]);
  });

  it('records EvaluationFailed for a JSONata error, linked to the event before the state', async () => {
    const execution = createRuntime({ clock: createVirtualClock() }).startExecution({
      QueryLanguage: 'JSONata',
      StartAt: 'Bad',
      States: { Bad: { Type: 'Pass', Output: '{% $missing %}', End: true } },
    });
    expect(await execution.result()).toMatchObject({
      status: 'FAILED',
      error: 'States.QueryEvaluationError',
    });
    expect(summary(execution.history())).toEqual([
      '1<0 ExecutionStarted',
      '2<0 PassStateEntered',
      '3<0 EvaluationFailed',
      '4<3 ExecutionFailed',
    ]);
  });

  it('streams events as they are recorded and ends with the execution', async () => {
    const execution = createRuntime({ clock: createVirtualClock() }).startExecution({
      StartAt: 'Nap',
      States: { Nap: { Type: 'Wait', Seconds: 60, End: true } },
    });
    const streamed: string[] = [];
    for await (const event of execution.events()) streamed.push(event.type);
    expect(streamed).toEqual([
      'ExecutionStarted',
      'WaitStateEntered',
      'WaitStateExited',
      'ExecutionSucceeded',
    ]);
  });
});
