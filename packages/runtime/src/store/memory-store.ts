import type { HistoryEvent } from '../history/history-event';
import type { ExecutionRecord, ExecutionStore } from './execution-store';

interface Entry {
  record: ExecutionRecord;
  events: HistoryEvent[];
}

/** Keeps everything in process memory; the default store. */
export class InMemoryExecutionStore implements ExecutionStore {
  private readonly entries = new Map<string, Entry>();

  createExecution(record: ExecutionRecord): void {
    this.entries.set(record.executionArn, { record: { ...record }, events: [] });
  }

  updateExecution(executionArn: string, patch: Partial<ExecutionRecord>): void {
    const entry = this.entries.get(executionArn);
    if (entry) Object.assign(entry.record, patch);
  }

  getExecution(executionArn: string): ExecutionRecord | undefined {
    const entry = this.entries.get(executionArn);
    return entry ? { ...entry.record } : undefined;
  }

  appendEvent(executionArn: string, event: HistoryEvent): void {
    this.entries.get(executionArn)?.events.push(event);
  }

  listEvents(executionArn: string): readonly HistoryEvent[] {
    return this.entries.get(executionArn)?.events.slice() ?? [];
  }

  /** Every execution ARN the store knows, oldest first. */
  executionArns(): string[] {
    return [...this.entries.keys()];
  }
}
