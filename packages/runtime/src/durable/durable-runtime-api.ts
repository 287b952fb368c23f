import type { Activity, ActivityTask, GetActivityTaskOptions } from '../activities/activity-registry';
import type { DefinitionInput } from '../engine/check-definition';
import type { StopReason } from '../engine/execution-result';
import type { RuntimeOptions } from '../engine/runtime-options';
import type { HistoryEvent } from '../history/history-event';
import type { TaskHandler } from '../tasks/task-handler';
import type { DurableExecution } from './durable-execution';
import type {
  AliasRoute,
  DurableStore,
  StoredAlias,
  StoredExecution,
  StoredStateMachine,
  StoredVersion,
} from './durable-store';
import type { Worker, WorkerOptions } from './worker';

export interface DurableRuntimeOptions extends Omit<RuntimeOptions, 'store' | 'random' | 'uuid'> {
  readonly store: DurableStore;
  /**
   * Names this runtime in leases; unique per process by default. A name may be used again after a
   * restart (what the previous run held is resumed), but never by two processes at once.
   */
  readonly owner?: string;
  /** How long a lease on a running execution lasts without renewal (default 30 s). */
  readonly leaseMs?: number;
  /**
   * How often the runtime asks the store whether executions running elsewhere, whose results
   * handles wait on, have ended: one read for all of them each time (default 100 ms).
   */
  readonly pollMs?: number;
  /**
   * An execution that has only been waiting (a Wait, a retry back-off, a callback or activity
   * task) for this long, and whose next timer is at least this far off, leaves memory: it is
   * replayed from the store when the timer is due or a task signal arrives (default 30 s;
   * `Number.POSITIVE_INFINITY` keeps every execution in memory).
   */
  readonly unloadAfterMs?: number;
  /**
   * The IAM role every execution of this runtime reports as `$$.Execution.RoleArn` (default
   * `arn:aws:iam::<account>:role/StepFunctionsRole`). It is the runtime's, not stored with an
   * execution: give the same one after a restart.
   */
  readonly roleArn?: string;
}

export interface DurableStartOptions {
  readonly input?: unknown;
  readonly name?: string;
  readonly executionArn?: string;
  /** For a definition passed inline: the machine it is recorded under. */
  readonly stateMachineArn?: string;
  /** Leave the execution to whichever worker claims it first, rather than running it here. */
  readonly enqueue?: boolean;
}

export interface DurableRuntime {
  /** This runtime's name in leases. */
  readonly owner: string;
  /**
   * Resumes every running execution the store holds, from its last committed transition. Call it
   * once at start-up (a runtime on a shared store uses `startWorker` instead).
   */
  recover(): Promise<DurableExecution[]>;
  /** Starts an execution of a definition, or of a machine, version or alias ARN; resolves once durable. */
  startExecution(target: DefinitionInput, options?: DurableStartOptions): Promise<DurableExecution>;
  /**
   * Stops an execution as StopExecution does: it ends ABORTED with an `ExecutionAborted` event
   * carrying `error` and `cause`, wherever it is (running here, unloaded while it waits, queued, or
   * held by another worker of a shared store, which lets it go). Resolves once the end is
   * committed, with when the execution stopped; an execution that has already ended is left as it
   * is. Rejects with `DurableResourceNotFoundError` for an unknown ARN.
   */
  stopExecution(executionArn: string, reason?: Readonly<StopReason>): Promise<{ readonly stopDate: Date }>;
  /** Restarts a FAILED, TIMED_OUT or ABORTED execution from the step that failed. */
  redriveExecution(executionArn: string): Promise<DurableExecution>;
  describeExecution(executionArn: string): Promise<StoredExecution | undefined>;
  getExecutionHistory(executionArn: string): Promise<HistoryEvent[]>;
  createStateMachine(name: string, definition: DefinitionInput): Promise<StoredStateMachine>;
  updateStateMachine(stateMachineArn: string, definition: DefinitionInput): Promise<StoredStateMachine>;
  publishStateMachineVersion(stateMachineArn: string, description?: string): Promise<StoredVersion>;
  /** Creates or updates an alias routing to one version, or two by weight. */
  putStateMachineAlias(
    stateMachineArn: string,
    name: string,
    routing: readonly AliasRoute[],
    description?: string,
  ): Promise<StoredAlias>;
  registerHandler(resource: string | RegExp, handler: TaskHandler): void;
  /**
   * Completes the task waiting on `taskToken`, wherever its execution runs: the answer is stored,
   * then applied here or by the runtime running the execution (or when it resumes).
   */
  sendTaskSuccess(taskToken: string, output: unknown): Promise<void>;
  sendTaskFailure(taskToken: string, error?: string, cause?: string): Promise<void>;
  sendTaskHeartbeat(taskToken: string): Promise<void>;
  /** Creates an activity (idempotent by name); it is kept in the store. */
  createActivity(options: { readonly name: string }): Promise<Activity>;
  /**
   * Long-polls the store for a task of the activity, scheduled by any runtime on it (before a
   * restart too): resolves with `{ taskToken, input }`, or undefined after 60 s or on `signal`.
   */
  getActivityTask(activityArn: string, options?: GetActivityTaskOptions): Promise<ActivityTask | undefined>;
  /** Claims and runs executions from a shared store, `concurrency` at a time. */
  startWorker(options?: WorkerOptions): Worker;
  /** How many executions this runtime is running. */
  readonly running: number;
  /** Commits what is pending, hands back every lease and stops running executions here. */
  close(): Promise<void>;
}
