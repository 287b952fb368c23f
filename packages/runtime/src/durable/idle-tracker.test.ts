import { describe, expect, it } from 'vitest';
import { IdleTracker } from './idle-tracker';

function tracker() {
  let now = 1000;
  const idle = new IdleTracker(() => now);
  return { idle, at: (ms: number) => (now = ms) };
}

describe('idle tracker', () => {
  it('counts an execution as waiting only while no task handler runs', () => {
    const { idle, at } = tracker();
    idle.taskStarted(':3');
    at(5000);
    expect(idle.idleFor(5000)).toBe(0);
    idle.event('LambdaFunctionSucceeded', undefined, ':5');
    at(9000);
    expect(idle.idleFor(9000)).toBe(4000);
  });

  it("counts from a new event's own time, and from now for one matched again on resume", () => {
    const { idle, at } = tracker();
    at(5000);
    idle.event('PassStateEntered', undefined, ':1', 4200);
    expect(idle.idleFor(6000)).toBe(1800);
    idle.event('PassStateExited', undefined, ':2');
    expect(idle.idleFor(6000)).toBe(1000);
  });

  it('lets a callback task count as waiting once submitted, and an activity once scheduled, in any branch', () => {
    const { idle } = tracker();
    idle.taskStarted('/2.0:1');
    idle.taskStarted('/2.1:1');
    idle.event('TaskScheduled', { resource: 'invoke.waitForTaskToken' }, '/2.0:1');
    idle.event('ActivityScheduled', { resource: 'arn:aws:states:us-east-1:1:activity:a' }, '/2.1:1');
    idle.event('TaskStarted', undefined, '/2.0:2');
    // The callback's handler is still sending its token out.
    expect(idle.idleFor(2000)).toBe(0);
    idle.event('TaskSubmitted', { resource: 'invoke.waitForTaskToken' }, '/2.0:3');
    expect(idle.idleFor(2000)).toBe(1000);
  });

  it("ends a callback task's busy spell when its call fails, and keeps a .sync task busy once submitted", () => {
    const { idle } = tracker();
    idle.taskStarted(':1');
    idle.event('TaskScheduled', { resource: 'invoke.waitForTaskToken' }, ':1');
    idle.event('TaskFailed', undefined, ':3');
    expect(idle.idleFor(2000)).toBe(1000);
    idle.taskStarted(':5');
    idle.event('TaskScheduled', { resource: 'startExecution.sync:2' }, ':5');
    idle.event('TaskSubmitted', { resource: 'startExecution.sync:2' }, ':7');
    expect(idle.idleFor(2000)).toBe(0);
  });

  it('keeps a distributed Map run busy until it ends, and gives the earliest timer', () => {
    const { idle } = tracker();
    idle.event('MapRunStarted', {}, ':4');
    idle.timerSet('1', 9000);
    idle.timerSet('2', 4000);
    idle.timerCleared('2');
    expect([idle.idleFor(3000), idle.nextDue()]).toEqual([0, 9000]);
    idle.event('MapRunSucceeded', {}, ':5');
    expect(idle.idleFor(3000)).toBe(2000);
  });
});
