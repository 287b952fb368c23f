import type { ExecutionStore } from '../store/execution-store';

/**
 * The engine's own store, for executions a durable runtime runs: the durable store is the record,
 * so nothing is kept here (a resumed or redriven execution must not be taken for a duplicate).
 */
export class DetachedExecutionStore implements ExecutionStore {
  createExecution(): void {}
  updateExecution(): void {}
  getExecution(): undefined {
    return undefined;
  }
  appendEvent(): void {}
  /** Taking the history this way keeps the engine from building every event for `appendEvent`. */
  attachHistory(): void {}
  listEvents(): readonly [] {
    return [];
  }
}
