import { createHash } from 'node:crypto';
import { BranchCancelled } from '../engine/cancellation';
import type { ExecutionResult } from '../engine/execution-result';
import { StateFailure, StateFailureSignal } from '../errors/state-failure';
import type { ChildExecutionRequest, ChildExecutionRunner } from '../map/child-executions';
import type { StoredExecution } from './durable-store';

export interface ChildIdentity {
  readonly name: string;
  readonly executionArn: string;
  readonly stateMachineArn: string;
}

export interface MapChildrenOptions {
  /** Whether an execution runs in this process now. */
  readonly isLive: (executionArn: string) => boolean;
  /** When the parent was last redriven: children that failed before then are redriven too. */
  readonly parentRedrivenAt: number | undefined;
  /** A child started already (here, before a restart, or elsewhere), as the store holds it. */
  readonly find: (executionArn: string) => Promise<StoredExecution | undefined>;
  /** Redrives a child that failed, timed out or was aborted. */
  readonly redrive: (executionArn: string) => Promise<unknown>;
  /** Starts a child as a durable execution; resolves once its start is committed. */
  readonly start: (request: ChildExecutionRequest, child: ChildIdentity) => Promise<unknown>;
  /** Waits for an execution's end, wherever it runs. */
  readonly outcome: (executionArn: string) => Promise<ExecutionResult>;
  /** Stops an execution running here (ExecutionAborted, with `cause`). */
  readonly stop: (executionArn: string, cause: string) => void;
  /** Lets go of an execution running here without writing anything more for it. */
  readonly letGo: (executionArn: string) => void;
}

/** The cause a child stopped by its Map records: a replaying parent tells it from a failure. */
export const MAP_RUN_STOPPED = 'The Map Run no longer needs this child execution.';

/**
 * A Map Run's child as AWS names it, `execution:<machine>/<label>:<name>`, with a name derived
 * from the run and the item's index: a parent replaying after a restart finds the same child.
 */
export function childIdentity(mapRunArn: string, index: number): ChildIdentity {
  const run = mapRunArn.slice(0, mapRunArn.lastIndexOf(':'));
  const hex = createHash('sha256').update(`${mapRunArn}#${index}`).digest('hex');
  const name = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
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
 * tolerance, the parent stopped or timed out) a child running here is stopped; a parent let go
 * (handed to another runtime, or the runtime closing) leaves its children as they are.
 */
export function mapChildRunner(parentArn: string, options: MapChildrenOptions): ChildExecutionRunner {
  return async (request) => {
    const { signal } = request;
    if (signal.aborted) throw new BranchCancelled();
    const child = childIdentity(request.mapRunArn, request.index);
    const { executionArn } = child;
    const found = options.isLive(executionArn) ? undefined : await options.find(executionArn);
    const failure = (what: string) => (error: unknown) => {
      const why = error instanceof Error ? error.message : String(error);
      return new StateFailureSignal(
        new StateFailure(
          'States.Runtime',
          `The child execution of item ${request.index} could not ${what}: ${why}`,
        ),
      );
    };
    if (!options.isLive(executionArn) && found === undefined) {
      await options.start(request, child).catch(async (error: unknown) => {
        // Started meanwhile by another runtime replaying the same parent (its lease was taken).
        if ((await options.find(executionArn)) === undefined) throw failure('start')(error);
      });
    } else if (found && failedBefore(found, options.parentRedrivenAt)) {
      // A redriven parent redrives its Map Run: the children that did not succeed run again.
      await options.redrive(executionArn).catch(async (error: unknown) => {
        const now = await options.find(executionArn);
        if (now === undefined || failedBefore(now, options.parentRedrivenAt))
          throw failure('be redriven')(error);
      });
    }
    if (!options.isLive(parentArn)) {
      // The parent was let go while its child started: the child goes with it.
      options.letGo(executionArn);
      throw new BranchCancelled();
    }
    let onAbort = () => {};
    const cancelled = new Promise<never>((_, reject) => {
      onAbort = () => {
        if (options.isLive(parentArn)) options.stop(executionArn, MAP_RUN_STOPPED);
        reject(new BranchCancelled());
      };
      signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
      const result = await Promise.race([options.outcome(executionArn), cancelled]);
      if (result.status === 'SUCCEEDED') return result.output;
      // Stopped by this Map before a restart: as cancelled now, not a failure to count again.
      if (result.status === 'ABORTED' && result.cause === MAP_RUN_STOPPED) throw new BranchCancelled();
      throw new StateFailureSignal(new StateFailure(result.error, result.cause));
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  };
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
