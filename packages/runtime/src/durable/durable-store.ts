import type { HistoryEventType } from '../history/history-event';
import type { AppliedTaskSignals } from './applied-signals';
import type { StoreCorruptionError } from './store-errors';
import type {
  ClosedTaskToken,
  OpenedTaskToken,
  StoredActivity,
  StoredTaskToken,
  StoreNotice,
  TaskAnswer,
  TaskSignalOutcome,
} from './stored-tasks';

/** Every status a durable store writes; anything else in a row is corruption. */
export const DURABLE_STATUSES = ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED'] as const;
export type DurableStatus = (typeof DURABLE_STATUSES)[number];

/** One persisted history event. `details` is the JSON text of the AWS details object. */
export interface StoredEvent {
  readonly executionArn: string;
  readonly id: number;
  readonly previousEventId: number;
  readonly type: HistoryEventType;
  /** Milliseconds since the epoch. */
  readonly time: number;
  /** Where the event sits in its lane (see `Lane`): what a resumed run matches it by. */
  readonly position: string;
  readonly details: string | undefined;
}

/** An execution as a durable store keeps it. Payloads are JSON text. */
export interface StoredExecution {
  readonly executionArn: string;
  readonly name: string;
  readonly stateMachineArn: string;
  /** The version the execution is pinned to, when it was started through a version or alias. */
  readonly versionArn: string | undefined;
  /** Content hash of the definition it runs (see `putDefinition`). */
  readonly definitionId: string;
  readonly input: string;
  readonly startTime: number;
  readonly status: DurableStatus;
  readonly stopTime: number | undefined;
  readonly output: string | undefined;
  readonly error: string | undefined;
  readonly cause: string | undefined;
  readonly redriveCount: number;
  /** The runtime holding the execution's lease, and until when. */
  readonly owner: string | undefined;
  readonly leaseExpires: number | undefined;
}

/** A pending timer (Wait, retry back-off, timeout) of a running execution. */
export interface StoredTimer {
  readonly executionArn: string;
  readonly timerId: string;
  /** Milliseconds since the epoch. */
  readonly due: number;
}

export interface StoredStateMachine {
  readonly stateMachineArn: string;
  readonly name: string;
  readonly definitionId: string;
  readonly createdAt: number;
}

export interface StoredVersion {
  readonly versionArn: string;
  readonly stateMachineArn: string;
  readonly version: number;
  readonly definitionId: string;
  readonly description: string | undefined;
  readonly createdAt: number;
}

export interface AliasRoute {
  readonly versionArn: string;
  /** 0..100; the weights of an alias add up to 100. */
  readonly weight: number;
}

export interface StoredAlias {
  readonly aliasArn: string;
  readonly stateMachineArn: string;
  readonly name: string;
  readonly routing: readonly AliasRoute[];
  readonly description: string | undefined;
}

/**
 * Everything one commit makes durable at once: new executions, the events recorded since the
 * last commit (by any number of executions) and their timers. All of it or none of it lands.
 */
export interface CommitBatch {
  readonly executions: readonly StoredExecution[];
  readonly events: readonly StoredEvent[];
  readonly timersSet: readonly StoredTimer[];
  readonly timersCleared: readonly Pick<StoredTimer, 'executionArn' | 'timerId'>[];
  /** Callback and activity tasks scheduled; a row answered before it was opened keeps its answer. */
  readonly tokensOpened?: readonly OpenedTaskToken[];
  /** Tasks whose outcome this commit records (written after `tokensOpened`). */
  readonly tokensClosed?: readonly ClosedTaskToken[];
  /**
   * When set, the rows of an existing execution (events, timers, tokens) are only written while
   * this owner holds its lease; the others are left out and reported, so a runtime that lost a
   * lease cannot write.
   */
  readonly owner: string | undefined;
}

export interface CommitResult {
  /**
   * Executions whose rows were left out: `owner` no longer holds their lease, or they have
   * already ended (a late write must not add a second end).
   */
  readonly fenced: readonly string[];
}

/**
 * Whether a commit by `owner` (undefined: one that checks no lease) leaves out the rows of this
 * stored execution: it has ended, or another owner holds it.
 */
export function isFencedFor(
  row: { readonly status: string; readonly owner?: string | null },
  owner: string | undefined,
): boolean {
  return row.status !== 'RUNNING' || (owner !== undefined && row.owner !== owner);
}

/** The executions a batch writes timer or token rows for: a store fences them as it does events. */
export function timerAndTokenArns(
  batch: Pick<CommitBatch, 'timersSet' | 'timersCleared' | 'tokensOpened' | 'tokensClosed'>,
): Set<string> {
  const arns = new Set<string>();
  for (const rows of [
    batch.timersSet,
    batch.timersCleared,
    batch.tokensOpened ?? [],
    batch.tokensClosed ?? [],
  ]) {
    for (const row of rows) arns.add(row.executionArn);
  }
  return arns;
}

export interface ClaimRequest {
  readonly owner: string;
  readonly limit: number;
  readonly leaseMs: number;
  readonly now: number;
  /** Take executions whose lease is still held (a single-process store after a restart). */
  readonly takeOver?: boolean;
  /** Take only unloaded executions that are due (see `unload`). */
  readonly wokenOnly?: boolean;
  /**
   * With `wokenOnly`: take only those among these executions (a draining runtime wakes the children
   * its executions wait on, and leaves every other due execution to other runtimes).
   */
  readonly among?: readonly string[];
}

/**
 * A claimed execution whose row cannot be read. It is leased like the others, so one damaged row
 * neither holds back the rest of a claim nor is claimed again at once; resuming it fails with
 * `unreadable`, which names the execution and what is wrong.
 */
export interface UnreadableExecution {
  readonly executionArn: string;
  readonly unreadable: StoreCorruptionError;
}

/**
 * A claimed execution to resume. A store that reads its history with the claim (one query instead
 * of one more per execution) hands it over as `history`, in id order, as `listEvents` would read
 * it once the claim is made; without it the runtime asks `listEvents`, which is also where a
 * history that cannot be read is reported.
 */
export interface ClaimedRun extends StoredExecution {
  readonly history?: readonly StoredEvent[];
}

/** What a claim hands out: executions to resume, and any whose row could not be read. */
export type ClaimedExecution = ClaimedRun | UnreadableExecution;

export function isUnreadable(row: ClaimedExecution): row is UnreadableExecution {
  return 'unreadable' in row;
}

/**
 * Where durable executions live. Implementations: in memory (tests, Express), SQLite (the
 * embedded default for Standard) and PostgreSQL (many workers). Each passes the same contract
 * suite (`@stepwise/runtime/store-contract`).
 */
export interface DurableStore {
  /** Shared by several processes (leases matter), or owned by one. */
  readonly shared: boolean;
  /** Creates or migrates the schema. Safe to call more than once. */
  init(): Promise<void>;
  close(): Promise<void>;

  putDefinition(definitionId: string, json: string): Promise<void>;
  getDefinition(definitionId: string): Promise<string | undefined>;
  putStateMachine(machine: StoredStateMachine): Promise<void>;
  getStateMachine(stateMachineArn: string): Promise<StoredStateMachine | undefined>;
  /** Publishes the machine's current definition as the next version number (1, 2, ...). */
  publishVersion(
    stateMachineArn: string,
    description: string | undefined,
    now: number,
  ): Promise<StoredVersion>;
  getVersion(versionArn: string): Promise<StoredVersion | undefined>;
  listVersions(stateMachineArn: string): Promise<StoredVersion[]>;
  putAlias(alias: StoredAlias): Promise<void>;
  getAlias(aliasArn: string): Promise<StoredAlias | undefined>;

  /**
   * Writes a batch in one transaction. An execution whose terminal event it holds ends: its timers
   * go, and its task tokens are closed (one still open or answered times out) rather than removed,
   * so that an answer to one is refused even once the execution is redriven.
   */
  commit(batch: CommitBatch): Promise<CommitResult>;
  getExecution(executionArn: string): Promise<StoredExecution | undefined>;
  /**
   * The executions among `executionArns` that have ended (any status but RUNNING), in no
   * particular order; ARNs the store does not hold are left out. A runtime waiting on many
   * results asks once per poll with it. Optional: without it, each waited execution is read alone.
   */
  endedAmong?(executionArns: readonly string[]): Promise<StoredExecution[]>;
  listExecutions(filter?: { readonly status?: DurableStatus }): Promise<StoredExecution[]>;
  /** Every event of an execution, in id order. */
  listEvents(executionArn: string): Promise<StoredEvent[]>;
  listTimers(executionArn: string): Promise<StoredTimer[]>;
  /** Drops an execution's timers (a resumed run schedules them again). */
  clearTimers(executionArn: string): Promise<void>;

  /**
   * Leases running executions that nobody holds, or whose lease expired, to `owner`; that owner's
   * own expired leases too (a run under the same name that is gone, or a resume that failed): the
   * runtime skips those it runs.
   */
  claim(request: ClaimRequest): Promise<ClaimedExecution[]>;
  /** Extends `owner`'s leases; returns the executions it no longer holds. */
  renew(owner: string, executionArns: readonly string[], leaseMs: number, now: number): Promise<string[]>;
  /**
   * Takes the lease of a running execution from whoever holds it (unloaded or not), so a stop can
   * be written: the holder's later commits and renewals are refused, and a shared store tells it
   * (`onNotice`, kind 'seized') so it stops its copy at once. Undefined unless the execution runs.
   */
  seize(
    executionArn: string,
    owner: string,
    leaseMs: number,
    now: number,
  ): Promise<StoredExecution | undefined>;
  /** Gives leases back so another runtime can take the executions at once. */
  release(owner: string, executionArns: readonly string[]): Promise<void>;
  /**
   * Gives back `owner`'s lease on an execution that only waits, until `wakeAt`: no claim takes it
   * before then, unless a task signal (an answer, a worker taking its activity task, a heartbeat)
   * wakes it first. False when `owner` does not hold the lease, or when one of its tokens holds a
   * signal the runtime was not given (`applied` says what it was given; see
   * `hasUnappliedSignal`): it must run on, as nothing would wake it for that signal. Once it is
   * unloaded, the heartbeats stored for its open tokens count as applied (they are reset): the
   * deadline they moved is in its timer rows, and the run that wakes it applies only later ones.
   */
  unload(
    owner: string,
    executionArn: string,
    wakeAt: number,
    applied: readonly AppliedTaskSignals[],
  ): Promise<boolean>;
  /** The earliest wake time of the unloaded executions, if there are any. */
  nextWake(): Promise<number | undefined>;
  /**
   * Puts a FAILED, TIMED_OUT or ABORTED execution back to RUNNING with its redrive count raised,
   * leased to `owner`. Returns undefined when the execution is not in a redrivable state.
   */
  redrive(
    executionArn: string,
    owner: string,
    leaseMs: number,
    now: number,
  ): Promise<StoredExecution | undefined>;

  /** Creates an activity, or returns the one of that ARN unchanged. */
  putActivity(activity: StoredActivity): Promise<StoredActivity>;
  getActivity(activityArn: string): Promise<StoredActivity | undefined>;
  /**
   * Gives the oldest open activity task of `activityArn` that no worker has taken to a worker;
   * each task is taken once, however many processes poll.
   */
  takeActivityTask(activityArn: string, workerName: string | undefined): Promise<StoredTaskToken | undefined>;
  /**
   * Stores an answer to a token of a running execution, for the runtime running it. A token not
   * opened yet (its commit is in flight) is accepted and opened answered.
   */
  answerTask(token: string, executionArn: string, answer: TaskAnswer): Promise<TaskSignalOutcome>;
  /**
   * Counts a heartbeat for a token of a running execution, sent at `at` (milliseconds since the
   * epoch): the token keeps the latest such time.
   */
  heartbeatTask(token: string, executionArn: string, at: number): Promise<TaskSignalOutcome>;
  /** Tokens of these executions carrying something to apply: taken, answered, or heartbeats. */
  taskSignals(executionArns: readonly string[]): Promise<StoredTaskToken[]>;
  getTaskToken(token: string): Promise<StoredTaskToken | undefined>;

  /** Resolves when another process may have work for this one (PostgreSQL NOTIFY); optional. */
  onWake?(listener: () => void): () => void;
  /** Tells other processes there is work (a new execution, a released lease). */
  wake?(): Promise<void>;
  /** Told when another process signals a task or schedules an activity task; optional. */
  onNotice?(listener: (notice: StoreNotice) => void): () => void;
}
