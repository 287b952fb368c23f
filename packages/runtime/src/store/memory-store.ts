import type { HistoryEvent } from '../history/history-event';
import type { ExecutionRecord, ExecutionStore, HistorySource } from './execution-store';

interface Entry {
  record: ExecutionRecord;
  events: HistoryEvent[];
  history?: HistorySource;
}

export interface InMemoryStoreOptions {
  /**
   * How many finished executions to keep (default 10,000). Once more have finished, the oldest are
   * forgotten, with their histories, so a long-lived runtime's memory stays bounded. Running
   * executions are always kept. `Infinity` keeps everything.
   */
  readonly maxFinishedExecutions?: number;
}

export const DEFAULT_MAX_FINISHED_EXECUTIONS = 10_000;

/** Keeps executions in process memory; the default store. */
export class InMemoryExecutionStore implements ExecutionStore {
  private readonly entries = new Map<string, Entry>();
  /** Finished executions in the order they finished; a Set keeps that order and deletes in O(1). */
  private readonly finished = new Set<string>();
  private readonly maxFinished: number;

  constructor(options: InMemoryStoreOptions = {}) {
    this.maxFinished = Math.max(0, options.maxFinishedExecutions ?? DEFAULT_MAX_FINISHED_EXECUTIONS);
  }

  createExecution(record: ExecutionRecord): void {
    this.finished.delete(record.executionArn);
    this.entries.set(record.executionArn, { record: fullRecord(record), events: [] });
    if (record.status !== 'RUNNING') this.markFinished(record.executionArn);
  }

  updateExecution(executionArn: string, patch: Partial<ExecutionRecord>): void {
    const entry = this.entries.get(executionArn);
    if (!entry) return;
    Object.assign(entry.record, patch);
    if (entry.record.status !== 'RUNNING') this.markFinished(executionArn);
  }

  getExecution(executionArn: string): ExecutionRecord | undefined {
    const entry = this.entries.get(executionArn);
    return entry ? presentFields(entry.record) : undefined;
  }

  /** Whether the store still holds an execution under this ARN. */
  hasExecution(executionArn: string): boolean {
    return this.entries.has(executionArn);
  }

  appendEvent(executionArn: string, event: HistoryEvent): void {
    this.entries.get(executionArn)?.events.push(event);
  }

  attachHistory(executionArn: string, history: HistorySource): void {
    const entry = this.entries.get(executionArn);
    if (entry) entry.history = history;
  }

  listEvents(executionArn: string): readonly HistoryEvent[] {
    const entry = this.entries.get(executionArn);
    if (!entry) return [];
    return (entry.history ? entry.history.events : entry.events).slice();
  }

  /** Every execution ARN the store holds, oldest first. */
  executionArns(): string[] {
    return [...this.entries.keys()];
  }

  private markFinished(executionArn: string): void {
    if (this.finished.has(executionArn)) return;
    this.finished.add(executionArn);
    while (this.finished.size > this.maxFinished) {
      const oldest = this.finished.values().next().value as string;
      this.finished.delete(oldest);
      this.entries.delete(oldest);
    }
  }
}

/**
 * The record with every optional field present from the start: an update then writes fields the
 * object already has instead of changing its shape, once per execution, in every execution.
 */
function fullRecord(record: ExecutionRecord): ExecutionRecord {
  return {
    executionArn: record.executionArn,
    name: record.name,
    stateMachineArn: record.stateMachineArn,
    input: record.input,
    startDate: record.startDate,
    status: record.status,
    stopDate: record.stopDate,
    output: record.output,
    error: record.error,
    cause: record.cause,
  };
}

/** A copy without the optional fields that are not set. */
function presentFields(record: ExecutionRecord): ExecutionRecord {
  const copy: ExecutionRecord = { ...record };
  for (const key of OPTIONAL) if (copy[key] === undefined) delete copy[key];
  return copy;
}

const OPTIONAL = ['stopDate', 'output', 'error', 'cause'] as const;
