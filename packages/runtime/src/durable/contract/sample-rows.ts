import type { CommitBatch, StoredEvent, StoredExecution } from '../durable-store';

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
