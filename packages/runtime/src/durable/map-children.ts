import { setMaxListeners } from 'node:events';
import { BranchCancelled } from '../engine/cancellation';
import type { ExecutionResult } from '../engine/execution-result';
import { RuntimeClosedError } from '../errors/runtime-errors';
import { StateFailure, StateFailureSignal } from '../errors/state-failure';
import type { ChildExecutionRequest, ChildExecutionRunner } from '../map/child-executions';
import { uuidFrom } from '../map/distributed';
import type { StoredExecution } from './durable-store';

export interface ChildIdentity {
  readonly name: string;
  readonly executionArn: string;
  readonly stateMachineArn: string;
}

export interface MapChildrenOptions {
  /** Whether an execution runs in this process now. */
  readonly isLive: (executionArn: string) => boolean;
  /** Whether the parent was let go (handed to another runtime, or the runtime closed). */
  readonly parentLetGo: () => boolean;
  /** When the parent was last redriven: children that failed before then are redriven too. */
  readonly parentRedrivenAt: number | undefined;
  /** A child started already (here, before a restart, or elsewhere), as the store holds it. */
  readonly find: (executionArn: string) => Promise<StoredExecution | undefined>;
  /** Redrives a child that failed, timed out or was aborted. */
  readonly redrive: (executionArn: string) => Promise<unknown>;
  /** Starts a child (known not to exist) as a durable execution; resolves once its start is committed. */
  readonly start: (request: ChildExecutionRequest, child: ChildIdentity) => Promise<unknown>;
  /** Waits for an execution's end, wherever it runs; rejects with BranchCancelled when `signal` fires. */
  readonly outcome: (executionArn: string, signal: AbortSignal) => Promise<ExecutionResult>;
  /** Stops an execution wherever this runtime can (ExecutionAborted, with `cause`). */
  readonly stop: (executionArn: string, cause: string) => Promise<unknown>;
  /** The parent waits on one child more (1) or one fewer (-1). */
  readonly waiting: (parentArn: string, change: 1 | -1) => void;
}

/** The cause a child stopped by its Map records: a replaying parent tells it from a failure. */
export const MAP_RUN_STOPPED = 'The Map Run no longer needs this child execution.';

/**
 * A Map Run's child as AWS names it, `execution:<machine>/<label>:<name>`, with a name derived
 * from the run and the item's index: a parent replaying after a restart finds the same child.
 */
export function childIdentity(mapRunArn: string, index: number): ChildIdentity {
  const run = mapRunArn.slice(0, mapRunArn.lastIndexOf(':'));
  const name = uuidFrom(`${mapRunArn}#${index}`);
  return {
    name,
    executionArn: `${run.replace(':mapRun:', ':execution:')}:${name}`,
    stateMachineArn: run.replace(':mapRun:', ':stateMachine:'),
  };
}

/**
 * Runs the STANDARD children of a durable parent's distributed Maps as durable executions: each
 * is started once (or found again when the parent replays), stored and resumed on its own, and
 * its end is what the Map sees. When the Map no longer needs a child (a failure beyond
 * tolerance, the parent stopped or timed out) the child is stopped; a parent let go (handed to
 * another runtime, or the runtime closing) leaves its children as they are.
 */
export function mapChildRunner(parentArn: string, options: MapChildrenOptions): ChildExecutionRunner {
  return async (request) => {
    const { signal } = request;
    if (signal.aborted) throw new BranchCancelled();
    // Every child of the Map Run listens to the Map's signal while it is waited on.
    setMaxListeners(0, signal);
    const child = childIdentity(request.mapRunArn, request.index);
    let waiting = false;
    try {
      await prepare(request, child, options);
      if (signal.aborted) throw new BranchCancelled();
      // A child running here counts as running itself; one running elsewhere may need a slot.
      waiting = !options.isLive(child.executionArn);
      if (waiting) options.waiting(parentArn, 1);
      const result = await options.outcome(child.executionArn, signal);
      if (result.status === 'SUCCEEDED') return result.output;
      // Stopped by this Map before a restart: as cancelled now, not a failure to count again.
      if (result.status === 'ABORTED' && result.cause === MAP_RUN_STOPPED) throw new BranchCancelled();
      throw new StateFailureSignal(new StateFailure(result.error, result.cause));
    } catch (error) {
      // The Map no longer needs the child; a parent let go (no longer live here) leaves it be.
      if (error instanceof BranchCancelled && !options.parentLetGo()) {
        void options.stop(child.executionArn, MAP_RUN_STOPPED).catch(() => {});
      }
      throw error;
    } finally {
      if (waiting) options.waiting(parentArn, -1);
    }
  };
}

/** Starts the child, redrives it (the parent was redriven), or finds it running or ended. */
async function prepare(
  request: ChildExecutionRequest,
  child: ChildIdentity,
  options: MapChildrenOptions,
): Promise<void> {
  const { executionArn } = child;
  const found = await retried(() => options.find(executionArn));
  if (found === undefined && options.isLive(executionArn)) return;
  if (found === undefined) {
    // Starting is idempotent by ARN: a failed start is tried again, and one that landed anyway
    // (or that another runtime replaying the same parent made) is found.
    await retried(async () => {
      if ((await options.find(executionArn)) === undefined) await options.start(request, child);
    }).catch(async (error: unknown) => {
      // The runtime is closing: the parent is about to be let go, and must not fail meanwhile.
      if (error instanceof RuntimeClosedError) await cancelled(request.signal);
      failure(request.index, 'start')(error);
    });
    return;
  }
  if (request.itemIsInput && found.input !== JSON.stringify(request.input)) {
    // The item reader gave other items after a restart: the child of this index is another item's.
    throw new StateFailureSignal(
      new StateFailure(
        'States.Runtime',
        `The item at index ${request.index} is not the one its child execution ${executionArn} started with: the Map's items changed since the Map Run started.`,
      ),
    );
  }
  if (request.runRedriven && !options.isLive(executionArn) && failedBefore(found, options.parentRedrivenAt)) {
    // A redriven parent redrives its Map Run: the children that did not succeed run again.
    await retried(async () => {
      const now = await options.find(executionArn);
      if (now && failedBefore(now, options.parentRedrivenAt)) await options.redrive(executionArn);
    }).catch(failure(request.index, 'be redriven'));
  }
}

const failure = (index: number, what: string) => (error: unknown) => {
  const why = error instanceof Error ? error.message : String(error);
  throw new StateFailureSignal(
    new StateFailure('States.Runtime', `The child execution of item ${index} could not ${what}: ${why}`),
  );
};

/** Rejects with BranchCancelled once `signal` fires. */
function cancelled(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(new BranchCancelled());
    else signal.addEventListener('abort', () => reject(new BranchCancelled()), { once: true });
  });
}

/** Store calls are tried three times, 100 ms and 400 ms apart, before their error counts. */
async function retried<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt === 2 || error instanceof RuntimeClosedError) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * 4 ** attempt));
    }
  }
}

/** The child ended without success before the parent's last redrive. */
function failedBefore(row: StoredExecution, redrivenAt: number | undefined): boolean {
  return (
    redrivenAt !== undefined &&
    row.status !== 'RUNNING' &&
    row.status !== 'SUCCEEDED' &&
    (row.stopTime ?? Number.POSITIVE_INFINITY) <= redrivenAt
  );
}
