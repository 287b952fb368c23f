import type { Clock } from '../clock/clock';
import type { ItemReader } from '../map/item-reader';
import type { ResultWriter } from '../map/result-writer';
import type { RandomSource } from '../random/random';
import type { ExecutionStore } from '../store/execution-store';
import type { TaskHandlers } from '../tasks/task-handler';

export interface RuntimeOptions {
  /** Task handlers by resource ARN (exact or `*` glob), or a list of routes. */
  readonly handlers?: TaskHandlers;
  /** Defaults to the wall clock; pass `createVirtualClock()` to skip waits. */
  readonly clock?: Clock;
  /** Randomness for retry jitter and intrinsic functions; defaults to `Math.random`. */
  readonly random?: RandomSource;
  /** Generates UUIDs (execution names, States.UUID, task tokens); defaults to crypto.randomUUID. */
  readonly uuid?: () => string;
  readonly store?: ExecutionStore;
  /** Distributed Map item readers by ItemReader `Resource`. */
  readonly itemReaders?: Readonly<Record<string, ItemReader>>;
  readonly resultWriter?: ResultWriter;
  readonly region?: string;
  readonly accountId?: string;
  /** Validate definitions before running them (default true). */
  readonly validate?: boolean;
}

export interface StartExecutionOptions {
  readonly input?: unknown;
  /** The execution name; a UUID by default. */
  readonly name?: string;
  /** The full execution ARN, when the caller fixes it (it wins over name-derived ARNs). */
  readonly executionArn?: string;
  readonly stateMachineName?: string;
  readonly stateMachineArn?: string;
  readonly roleArn?: string;
  /** STANDARD (default) or EXPRESS, which changes the execution ARN's form. */
  readonly type?: 'STANDARD' | 'EXPRESS';
  readonly redriveCount?: number;
}
