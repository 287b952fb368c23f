import type { Clock } from '../clock/clock';
import type { ExecutionContextParts, ExecutionIdentity } from '../dataflow/context-object';
import type { EvaluationEnv } from '../dataflow/scope';
import type { VariableScope } from '../dataflow/variable-scope';
import type { HistoryRecorder, Lane } from '../history/history-recorder';
import type { Integrations } from '../integrations/resolve-target';
import type { ChildStarter } from '../integrations/start-execution';
import type { ChildExecutionRunner } from '../map/child-executions';
import type { ItemReaderRegistry } from '../map/item-reader';
import type { ResultWriter } from '../map/result-writer';
import type { RandomSource } from '../random/random';
import type { TaskRegistry } from '../tasks/task-registry';
import type { StopSource } from './stop-source';

/** Services and identity shared by every state of one execution. */
export interface RunContext {
  readonly identity: ExecutionIdentity;
  /**
   * What `$$` is built from, made on the first call (most executions never read `$$`). A method,
   * not a getter: an object literal with an accessor is kept in dictionary mode, and every state
   * reads this object's fields.
   */
  contextParts(): ExecutionContextParts;
  readonly recorder: HistoryRecorder;
  readonly clock: Clock;
  readonly random: RandomSource;
  /** A draw fixed by the lane's position, for a durable execution (see ExecutionJournal.randomAt). */
  readonly randomAt: ((lane: Lane) => number) | undefined;
  /**
   * Set for a durable execution that resumed with heartbeats stored for its tokens: when the
   * latest one for a token was sent (see ExecutionJournal.storedHeartbeatAt).
   */
  readonly storedHeartbeatAt: ((token: string) => number | undefined) | undefined;
  readonly env: EvaluationEnv;
  readonly tasks: TaskRegistry;
  /** What serves Task resources: handlers, services, callbacks, activities, nested executions. */
  readonly integrations: Integrations;
  readonly itemReaders: ItemReaderRegistry;
  readonly resultWriter: ResultWriter | undefined;
  /** Set for a durable execution: a distributed Map's STANDARD children run as executions of their own. */
  readonly children: ChildExecutionRunner | undefined;
  /** Set for a durable execution: nested executions (states:startExecution) are durable too. */
  readonly nested: ChildStarter | undefined;
  /** When a durable execution was last redriven: its TimeoutSeconds counts from then, as AWS's does. */
  readonly redrivenAt?: number;
  /** Set when the execution is stopped or times out; its signal is made on first use. */
  readonly stop: StopSource;
  readonly region: string;
  readonly accountId: string;
  /** A fresh task token per Task invocation; `lane` lets a durable execution make it stable. */
  nextTaskToken(lane?: Lane): string;
  /**
   * Set for a durable execution, whose tokens depend on the lane's place when an attempt is
   * scheduled: the token is reserved then and made (hashed) only when something reads it.
   */
  readonly reserveTaskToken: ((lane: Lane) => () => string) | undefined;
  /**
   * Set for a durable execution: counts `work` (an item reader's or result writer's call) as the
   * execution running, not waiting, until it settles, so the execution does not leave memory
   * mid-call. Returns `work`.
   */
  readonly busyWhile: (<T>(work: Promise<T>) => Promise<T>) | undefined;
}

/**
 * Where a chain of states runs: the top level, one Parallel branch or one Map iteration. Each has
 * its own history lane and variable scope.
 */
export interface Frame {
  readonly run: RunContext;
  readonly lane: Lane;
  readonly vars: VariableScope;
  readonly mapItem?: { readonly index: number; readonly value: unknown };
  /** Stops this frame's work early (a failed sibling branch); the execution's signal when absent. */
  readonly signal?: AbortSignal;
}
