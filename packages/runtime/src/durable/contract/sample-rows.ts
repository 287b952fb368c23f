import {
  type ClaimedRun,
  type ClaimRequest,
  type CommitBatch,
  type DurableStore,
  isUnreadable,
  type StoredEvent,
  type StoredExecution,
} from '../durable-store';

export const T0 = Date.parse('2024-01-01T00:00:00Z');

export function executionRow(name: string, patch: Partial<StoredExecution> = {}): StoredExecution {
  return {
    executionArn: `arn:aws:states:us-east-1:123456789012:execution:Contract:${name}`,
    name,
    stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:Contract',
    versionArn: undefined,
    definitionId: 'def-1',
    input: '{"n":1}',
    startTime: T0,
    status: 'RUNNING',
    stopTime: undefined,
    output: undefined,
    error: undefined,
    cause: undefined,
    redriveCount: 0,
    owner: undefined,
    leaseExpires: undefined,
    ...patch,
  };
}

export function eventRow(
  executionArn: string,
  id: number,
  type: StoredEvent['type'],
  details?: Record<string, unknown>,
): StoredEvent {
  return {
    executionArn,
    id,
    previousEventId: id - 1,
    type,
    time: T0 + id,
    position: `:${id}`,
    details: details === undefined ? undefined : JSON.stringify(details),
  };
}

export function batch(patch: Partial<CommitBatch>): CommitBatch {
  return { executions: [], events: [], timersSet: [], timersCleared: [], owner: undefined, ...patch };
}

/** A claim whose rows must all be readable, as the contract's own rows are. */
export async function claimReadable(store: DurableStore, request: ClaimRequest): Promise<ClaimedRun[]> {
  const rows = await store.claim(request);
  for (const row of rows) {
    if (isUnreadable(row))
      throw new Error(`the claim could not read ${row.executionArn}: ${row.unreadable.message}`);
  }
  return rows as ClaimedRun[];
}
