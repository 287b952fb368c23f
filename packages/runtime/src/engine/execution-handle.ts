import type { HistoryEvent } from '../history/history-event';
import type { HistoryRecorder } from '../history/history-recorder';
import type { StoreWrites } from '../store/store-writes';
import type { Execution, ExecutionResult, StopReason } from './execution-result';
import type { RunningExecution } from './run-execution';

/**
 * What `startExecution` returns. A class rather than an object literal with a `status` getter:
 * V8 keeps such a literal in dictionary mode, a few hundred bytes more for every execution held.
 */
export class ExecutionHandle implements Execution {
  private current: Execution['status'] = 'RUNNING';

  constructor(
    readonly executionArn: string,
    readonly name: string,
    private readonly execution: RunningExecution,
    private readonly writes: StoreWrites,
    /** The live history, or undefined when none is kept (an Express execution not asked to). */
    private readonly recorder: HistoryRecorder | undefined,
  ) {}

  get status(): Execution['status'] {
    return this.current;
  }

  /** Told once the execution has ended. */
  ended(outcome: ExecutionResult): void {
    this.current = outcome.status;
  }

  result(): Promise<ExecutionResult> {
    return this.execution.done.then((outcome) => this.writes.settle(outcome));
  }

  history(): readonly HistoryEvent[] {
    return this.recorder ? this.recorder.events.slice() : [];
  }

  events(): AsyncIterable<HistoryEvent> {
    return this.recorder ? this.recorder.stream() : noEvents();
  }

  stop(reason?: Readonly<StopReason>): void {
    this.execution.interrupt({ status: 'ABORTED', ...reason });
  }
}

function noEvents(): AsyncIterable<never> {
  return { [Symbol.asyncIterator]: () => ({ next: async () => ({ done: true, value: undefined }) }) };
}
