import type { ExecutionResult } from '../engine/execution-result';
import { ExecutionAlreadyExistsError } from '../errors/runtime-errors';
import type { ChildRequest, ChildStarter, StartedChild } from '../integrations/start-execution';
import { StateMachineDoesNotExistError } from '../machines/machine-errors';
import { uuidFrom } from '../map/distributed';
import type { StoredExecution } from './durable-store';
import { DurableResourceNotFoundError } from './store-errors';

export interface NestedExecutionsOptions {
  readonly region: string;
  readonly accountId: string;
  /** The state machine a StateMachineArn (machine, version or alias) names. */
  readonly machineOf: (target: string) => Promise<string>;
  /** An execution as the store holds it. */
  readonly find: (executionArn: string) => Promise<StoredExecution | undefined>;
  /** Starts a durable execution of `target` here; resolves once its start is committed. */
  readonly start: (target: string, name: string, input: unknown) => Promise<unknown>;
  /** Waits for an execution's end, wherever it runs; rejects once `signal` fires. */
  readonly outcome: (executionArn: string, signal: AbortSignal) => Promise<ExecutionResult>;
  /** Stops an execution wherever this runtime can. */
  readonly stop: (executionArn: string, cause: string) => Promise<unknown>;
  /** Whether the parent was let go (handed to another runtime, or the runtime closed). */
  readonly parentLetGo: () => boolean;
  /** Whether an execution runs in this runtime. */
  readonly isLive: (executionArn: string) => boolean;
  /** Told when the parent starts (1) and stops (-1) waiting on a child that runs elsewhere. */
  readonly waiting: (change: 1 | -1) => void;
}

/**
 * Starts a durable parent's nested executions (states:startExecution) as durable executions of
 * their own: stored, resumed after a restart on their own, and found again by the parent. A child
 * the parent did not name is named after the task attempt, so an attempt run again after a crash
 * finds the child it started rather than starting a second one; a named child found is taken as
 * that attempt's as `mayTake` says.
 * A parent let go leaves its children running.
 */
export function nestedExecutionStarter(options: NestedExecutionsOptions): ChildStarter {
  return async (request) => {
    const stateMachineArn = await machineOf(options, request.stateMachineArn);
    const name = request.name ?? uuidFrom(request.attemptKey);
    const machineName = stateMachineArn.split(':')[6];
    const executionArn =
      request.startedBefore ??
      `arn:aws:states:${options.region}:${options.accountId}:execution:${machineName}:${name}`;
    let row = await options.find(executionArn);
    if (row && request.startedBefore === undefined && !mayTake(row, request)) {
      throw new ExecutionAlreadyExistsError(executionArn);
    }
    if (!row) {
      await options.start(request.stateMachineArn, name, request.input);
      row = await options.find(executionArn);
      if (!row) throw new DurableResourceNotFoundError('execution', executionArn);
    }
    return handleOf(row, request, options);
  };
}

/**
 * Whether a child found under the attempt's name (its start not recorded by the parent) is the
 * attempt's to wait for. As StartExecution answers: a running execution with the same input is
 * that execution. One that has ended is refused, unless the attempt was scheduled before a restart
 * and the child started since: the attempt started it and the parent went away before recording
 * so (a child's start is committed with every event its parent recorded before it).
 */
function mayTake(row: StoredExecution, request: ChildRequest): boolean {
  // Named after the attempt's idempotency key: no other attempt, and no client, names one so. Its
  // input may differ from the one worked out again (a States.UUID() in it, say).
  if (request.name === undefined) return true;
  if (row.input !== JSON.stringify(request.input)) return false;
  if (row.status === 'RUNNING') return true;
  return request.scheduledBefore !== undefined && row.startTime >= request.scheduledBefore;
}

async function machineOf(options: NestedExecutionsOptions, target: string): Promise<string> {
  try {
    return await options.machineOf(target);
  } catch (error) {
    if (error instanceof DurableResourceNotFoundError) throw new StateMachineDoesNotExistError(target);
    throw error;
  }
}

function handleOf(
  row: StoredExecution,
  request: ChildRequest,
  options: NestedExecutionsOptions,
): StartedChild {
  const { executionArn } = row;
  let stopTime = row.stopTime;
  let redriveCount = row.redriveCount;
  return {
    executionArn,
    name: row.name,
    stateMachineArn: row.stateMachineArn,
    startDate: new Date(row.startTime),
    async result() {
      // A child running here counts as running itself; one running elsewhere (resumed by another
      // worker, or left in the store to wake) may need the slot its parent would hold.
      const waiting = !options.isLive(executionArn);
      if (waiting) options.waiting(1);
      try {
        const result = await options.outcome(executionArn, request.signal);
        const ended = await options.find(executionArn);
        stopTime = ended?.stopTime ?? stopTime;
        // Redriven while its parent waited (or was down): DescribeExecution says how often.
        redriveCount = ended?.redriveCount ?? redriveCount;
        return result;
      } finally {
        if (waiting) options.waiting(-1);
      }
    },
    stop(cause) {
      if (!options.parentLetGo()) void options.stop(executionArn, cause).catch(() => {});
    },
    stopDate: () => new Date(stopTime ?? Date.now()),
    redriveCount: () => redriveCount,
  };
}
