import { StatesError } from '../errors/runtime-errors';
import { detailsKeyOf, type HistoryEvent } from '../history/history-event';
import type { HistoryRecorder, Lane } from '../history/history-recorder';

const OUTCOME = /(Succeeded|Failed|TimedOut)$/;

/**
 * While a durable execution resumes, a Task whose outcome was recorded before the restart must
 * not run again: this finds that outcome on the lane (after any recorded `TaskSubmitted` or
 * `ActivityStarted`, which it replays) and returns what the handler returned or threw then.
 * Undefined when the task had not finished: it runs again, at least once.
 */
export function recordedTaskOutcome(recorder: HistoryRecorder, lane: Lane): (() => unknown) | undefined {
  let outcome: HistoryEvent | undefined;
  const between: HistoryEvent[] = [];
  for (let ahead = 0; ; ahead++) {
    const event = recorder.recordedAhead(lane, ahead);
    if (event === undefined) return undefined;
    if (OUTCOME.test(event.type)) {
      outcome = event;
      break;
    }
    between.push(event);
  }
  for (const event of between) recorder.advance(lane, event.type);
  const details = (outcome[detailsKeyOf(outcome.type)] ?? {}) as Readonly<Record<string, unknown>>;
  if (outcome.type.endsWith('Succeeded')) {
    const output = details.output;
    return () => (typeof output === 'string' ? JSON.parse(output) : null);
  }
  const error = details.error as string | undefined;
  const cause = details.cause as string | undefined;
  return () => {
    throw new StatesError(error as string, cause);
  };
}

/**
 * The key a handler can deduplicate its side effects by: the execution, the lane (Parallel branch
 * and Map iteration indexes), the state with its position in the lane (a state visited twice in
 * a loop gets two keys), the attempt and, once the execution has been redriven, the redrive count.
 * The same on every run of the same invocation. A redrive runs the failed state's task again at
 * the position of the attempt that failed, and that call is a new attempt: the count tells it apart.
 */
export function idempotencyKey(
  executionArn: string,
  recorder: HistoryRecorder,
  lane: Lane,
  stateName: string,
  attempt: number,
  redriveCount: number,
): string {
  const key = `${executionArn}|${recorder.nextPosition(lane)}|${stateName}|${attempt}`;
  return redriveCount > 0 ? `${key}|${redriveCount}` : key;
}
