import type { DurableStatus, StoredEvent, StoredExecution } from './durable-store';
import { StoreCorruptionError } from './store-errors';

const TERMINAL: Readonly<Partial<Record<string, DurableStatus>>> = {
  ExecutionSucceeded: 'SUCCEEDED',
  ExecutionFailed: 'FAILED',
  ExecutionTimedOut: 'TIMED_OUT',
  ExecutionAborted: 'ABORTED',
};

/** Whether an event of this type ends an execution. */
export function isTerminalType(type: string): boolean {
  return TERMINAL[type] !== undefined;
}

export interface TerminalUpdate {
  readonly status: DurableStatus;
  readonly stopTime: number;
  readonly output: string | undefined;
  readonly error: string | undefined;
  readonly cause: string | undefined;
}

/** An execution's row as its end leaves it: the outcome set, and no one holding it any more. */
export function endedRow(row: StoredExecution, end: TerminalUpdate): StoredExecution {
  return { ...row, ...end, owner: undefined, leaseExpires: undefined };
}

/**
 * The execution's final status from its terminal event. Stores apply it in the commit that writes
 * the event, so status and history can never disagree.
 */
export function terminalUpdate(event: StoredEvent): TerminalUpdate | undefined {
  const status = TERMINAL[event.type];
  if (status === undefined) return undefined;
  const details = parseJsonObject(event.details, `details of event ${event.id} of ${event.executionArn}`);
  const text = (key: string) => (typeof details[key] === 'string' ? (details[key] as string) : undefined);
  return { status, stopTime: event.time, output: text('output'), error: text('error'), cause: text('cause') };
}

/** Parses a JSON object column; a store row that is not one is corruption, not a crash. */
export function parseJsonObject(text: string | undefined, what: string): Record<string, unknown> {
  if (text === undefined) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new StoreCorruptionError(what, `not JSON (${(error as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new StoreCorruptionError(what, 'not a JSON object');
  }
  return value as Record<string, unknown>;
}

/** Parses any JSON column. */
export function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new StoreCorruptionError(what, `not JSON (${(error as Error).message})`);
  }
}
