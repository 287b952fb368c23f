import type { TaskTokenRegistry } from '../callbacks/task-tokens';
import type { Clock } from '../clock/clock';
import { BranchCancelled, untilStopped } from '../engine/cancellation';
import type { Execution, ExecutionResult, StopReason } from '../engine/execution-result';
import type { Runtime } from '../engine/runtime';
import { RuntimeClosedError } from '../errors/runtime-errors';
import type { ChildStarter } from '../integrations/start-execution';
import type { ChildExecutionRunner } from '../map/child-executions';
import type { CommitQueue } from './commit-queue';
import { type DurableExecution, resultOf, storedResult } from './durable-execution';
import { createDurableJournal, type DurableJournal } from './durable-journal';
import {
  type ClaimedExecution,
  type ClaimedRun,
  type ClaimRequest,
  type DurableStore,
  isUnreadable,
  type StoredEvent,
  type StoredExecution,
} from './durable-store';
import type { DurableTasks } from './durable-tasks';
import { Endings } from './endings';
import { ExecutionStops } from './execution-stops';
import type { MachineCatalog } from './machine-catalog';
import { type PriorHistory, priorHistory, REDRIVEN } from './prior-history';
import { ResultWatch } from './result-watch';
import { ResumeRetries } from './resume-retries';
import { runStored, storedDefinition } from './stored-definition';
import { historyOf } from './stored-history';
import type { TaskSignals } from './task-signals';

/** An execution running in this process. */
export interface Live {
  readonly journal: DurableJournal;
  readonly execution: Execution;
  /** Let go, or a commit of its events was refused or failed: its run here may not be what is stored. */
  stale?: boolean;
}

export interface LiveExecutionsOptions {
  readonly store: DurableStore;
  readonly inner: Runtime;
  /** The inner runtime's task tokens. */
  readonly taskTokens: TaskTokenRegistry;
  readonly clock: Clock;
  readonly queue: CommitQueue;
  readonly owner: string;
  /** How long a lease lasts without renewal: a stop seizes one for that long. */
  readonly leaseMs: number;
  readonly pollMs: number;
  /** The role executions report as `$$.Execution.RoleArn`; the runtime's default when unset. */
  readonly roleArn: string | undefined;
  readonly catalog: MachineCatalog;
  readonly tasks: DurableTasks;
  readonly signals: TaskSignals;
  /** Told whenever an execution starts running here. */
  readonly onRun: () => void;
  /** Whether the runtime has been closed: a resume still reading the store then runs nothing. */
  readonly isClosed: () => boolean;
  /**
   * Runs the STANDARD children of the execution's distributed Maps (redriven at `redrivenAt`;
   * `letGo` tells whether it was handed to another runtime or the runtime closed).
   */
  readonly children: (
    parentArn: string,
    redrivenAt: number | undefined,
    letGo: () => boolean,
  ) => ChildExecutionRunner;
  /** Starts the execution's nested executions (`letGo`: as for `children`). */
  readonly nested: (parentArn: string, letGo: () => boolean) => ChildStarter;
}

/**
 * The executions a durable runtime runs in this process: started, resumed from their history, or
 * let go (another runtime took the lease, the runtime is closing, or they only wait).
 */
export class LiveExecutions {
  private readonly endings = new Endings();
  private readonly results: ResultWatch;
  /** Stops in progress (no resume starts what they stop), and resumes in progress. */
  private readonly stops: ExecutionStops;
  private readonly resuming = new Map<string, Promise<DurableExecution>>();
  /** Claimed rows with a history, and how many stops had begun when their claim was made. */
  private readonly claimedAt = new WeakMap<ClaimedRun, number>();
  private readonly skipped = new Set<string>();
  /** Executions that ended here, until the commit that carries their end has settled. */
  private readonly finishing = new Map<string, Live>();
  private readonly retries: ResumeRetries;
  /** Executions whose end executions running here wait on, with how many waits each. */
  private readonly awaitedCount = new Map<string, number>();

  constructor(
    readonly live: Map<string, Live>,
    private readonly options: LiveExecutionsOptions,
  ) {
    this.results = new ResultWatch(options.store, options.pollMs, undefined, (work) => {
      void options.clock.track(work);
    });
    this.retries = new ResumeRetries({
      ...{ store: options.store, owner: options.owner, clock: options.clock },
      resume: (arn) => this.resumeStored(arn),
    });
    this.stops = new ExecutionStops({
      ...{ store: options.store, queue: options.queue, clock: options.clock },
      ...{ owner: options.owner, leaseMs: options.leaseMs },
      isLive: (arn) => this.live.has(arn),
      stopHere: (arn, reason) => this.stopHere(arn, reason),
      startStopped: async (row, reason) => {
        const definition = await storedDefinition(options.catalog, row);
        await options.tasks.ensureActivities(row.definitionId, definition);
        this.run(row, definition);
        await this.stopHere(row.executionArn, reason);
      },
      resuming: (arn) => this.resuming.get(arn),
      // A resume skipped meanwhile had claimed it: if the stop did not end it, it runs after all.
      stopped: (arn, ended) => {
        if (this.skipped.delete(arn) && !ended) void this.resumeArns([arn]);
      },
    });
  }

  /** Runs (or resumes) an execution here; its lease is this runtime's. */
  run(
    row: StoredExecution,
    definition: string,
    prior: PriorHistory = priorHistory([]),
    kept?: KeptHeartbeats,
  ): DurableExecution {
    const { clock, queue, signals, inner } = this.options;
    const journal = createDurableJournal({
      executionArn: row.executionArn,
      startTime: row.startTime,
      clock,
      queue,
      prior,
      keptTimers: kept?.timers,
      storedHeartbeats: kept?.sentAt,
      onToken: (token) => signals.tokenIssued(token),
      children: this.options.children,
      nested: this.options.nested,
    });
    const execution = inner.startExecution(definition, {
      input: JSON.parse(row.input),
      name: row.name,
      executionArn: row.executionArn,
      stateMachineArn: row.stateMachineArn,
      stateMachineName: row.stateMachineArn.split(':')[6],
      redriveCount: row.redriveCount,
      roleArn: this.options.roleArn,
      journal,
    });
    const entry: Live = { journal, execution };
    const arn = row.executionArn;
    this.live.set(arn, entry);
    this.options.onRun();
    this.endings.nudge(arn);
    execution.result().then(() => {
      if (this.live.get(arn) !== entry) return;
      this.live.delete(arn);
      this.finishing.set(arn, entry);
      signals.forget(arn);
      this.endings.nudge(arn);
      // A handle made before it ran here waits in the watch: it learns of the end once committed.
      void queue
        .flushed()
        .catch(() => {})
        .then(() => {
          if (this.finishing.get(arn) === entry) this.finishing.delete(arn);
          this.results.nudge(arn);
        });
    });
    return this.handle(row.executionArn);
  }

  /** A handle reading the store, so it works wherever the execution runs. */
  handle(executionArn: string): DurableExecution {
    const { store, queue } = this.options;
    return {
      executionArn,
      result: async () => {
        const entry = this.live.get(executionArn) ?? this.finishing.get(executionArn);
        const outcome = await entry?.execution.result();
        // Ended here a moment ago: its last commit may still be in flight.
        const committed = await queue.flushed().then(
          () => true,
          () => false,
        );
        // Every commit since its end landed, its own included: what ran here is what is stored.
        if (outcome && committed && !entry?.stale) return storedResult(outcome);
        const row = await store.getExecution(executionArn);
        return (row && resultOf(row)) ?? this.results.wait(executionArn);
      },
      history: async () => historyOf(await store.listEvents(executionArn)),
    };
  }

  /**
   * The end of an execution, whether it runs here now, starts running here later (resumed or
   * woken) or runs in another process: awaited in memory while it runs here, else through the
   * shared poll of the store (see ResultWatch), which a store that keeps failing does not end:
   * its reads are tried again. Rejects with `BranchCancelled` once `signal` fires.
   */
  async outcome(executionArn: string, signal: AbortSignal): Promise<ExecutionResult> {
    this.awaitedCount.set(executionArn, (this.awaitedCount.get(executionArn) ?? 0) + 1);
    try {
      return await this.awaitOutcome(executionArn, signal);
    } finally {
      const left = (this.awaitedCount.get(executionArn) ?? 1) - 1;
      if (left > 0) this.awaitedCount.set(executionArn, left);
      else this.awaitedCount.delete(executionArn);
    }
  }

  /** The executions whose end an execution running here waits on (its nested or Map Run children). */
  awaited(): string[] {
    return [...this.awaitedCount.keys()];
  }

  private async awaitOutcome(executionArn: string, signal: AbortSignal): Promise<ExecutionResult> {
    const { queue, pollMs } = this.options;
    for (;;) {
      const entry = this.live.get(executionArn);
      if (entry) {
        await untilStopped(entry.execution.result(), signal, () => new BranchCancelled());
        // Ended here a moment ago: its last commit may still be in flight.
        await queue.flushed().catch(() => {});
      }
      if (signal.aborted) throw new BranchCancelled();
      try {
        // The first look is made at once: the execution may have ended already (here, a moment
        // ago), and a virtual clock sees that look as work in flight.
        return await this.results.wait(executionArn, signal, true);
      } catch {
        if (signal.aborted) throw new BranchCancelled();
        await this.endings.next(executionArn, pollMs, signal);
      }
    }
  }

  /**
   * Stops an execution as StopExecution does (ExecutionAborted with `error` and `cause`) wherever
   * it is: running here, unloaded or not resumed yet, or, on a shared store, held by another
   * worker (see ExecutionStops). Resolves once the end is committed, with the execution's row (as
   * it was, if it had already ended), or undefined if there is no such execution.
   */
  stop(executionArn: string, reason: Readonly<StopReason>): Promise<StoredExecution | undefined> {
    return this.stops.stop(executionArn, reason);
  }

  /** Stops an execution running here and waits until its end is committed. */
  private async stopHere(executionArn: string, reason: Readonly<StopReason>): Promise<void> {
    const execution = this.live.get(executionArn)?.execution;
    if (!execution) return;
    execution.stop(reason);
    await execution.result();
    await this.options.queue.flushed();
  }

  /**
   * Claims executions for this runtime. The histories a store hands over with them are read when
   * the claim is made, so they are used only while no stop has begun here since: a stop that ran
   * between the claim and the resume has committed an end they lack (`listEvents` reads it).
   */
  async claim(request: ClaimRequest): Promise<ClaimedExecution[]> {
    const begun = this.stops.begun;
    const rows = await this.options.store.claim(request);
    for (const row of rows) if (!isUnreadable(row) && row.history) this.claimedAt.set(row, begun);
    return rows;
  }

  /** Loads a running execution's history and definition and runs it from where it was. */
  async resume(row: ClaimedExecution): Promise<DurableExecution> {
    if (isUnreadable(row)) throw row.unreadable;
    const arn = row.executionArn;
    // Claimed again while it runs, ends or resumes here (a lease of its own that had expired): one run.
    if (this.runsHere(arn)) return this.handle(arn);
    const inFlight = this.resuming.get(arn);
    if (inFlight) return inFlight;
    if (this.stops.has(arn)) return this.skip(arn);
    const loading = this.load(row);
    this.resuming.set(arn, loading);
    try {
      return await loading;
    } finally {
      if (this.resuming.get(arn) === loading) this.resuming.delete(arn);
    }
  }

  /** A resume left to a stop in progress (see `stop`). */
  private skip(executionArn: string): DurableExecution {
    this.skipped.add(executionArn);
    return this.handle(executionArn);
  }

  private async load(row: ClaimedRun): Promise<DurableExecution> {
    const { store, queue, clock, catalog, tasks, signals } = this.options;
    const handedOver = this.claimedAt.get(row) === this.stops.begun ? row.history : undefined;
    let events = handedOver ?? (await store.listEvents(row.executionArn));
    let prior = priorHistory(events);
    if (prior.ended) {
      // Ended since it was claimed (stopped through the store, say): nothing to run.
      if ((await store.getExecution(row.executionArn))?.status !== 'RUNNING')
        return this.handle(row.executionArn);
      // Running, yet ended: a redrive whose ExecutionRedriven event had not been committed.
      queue.addEvent(redrivenEvent(row, events.length, clock.now()));
      await queue.flushed();
      events = await store.listEvents(row.executionArn);
      prior = priorHistory(events);
      // The event was left out (the execution was stopped or taken meanwhile): nothing to run.
      if (prior.ended) return this.handle(row.executionArn);
    }
    // A queued execution that never ran has no timers or task tokens yet.
    const ran = events.length > 0;
    const definition = await storedDefinition(catalog, row);
    const kept = ran ? await keptHeartbeats(store, row.executionArn, definition) : undefined;
    if (ran) await store.clearTimers(row.executionArn);
    await tasks.ensureActivities(row.definitionId, definition);
    if (this.stops.has(row.executionArn)) return this.skip(row.executionArn);
    if (this.options.isClosed()) throw new RuntimeClosedError();
    const resumed = runStored(row, () => this.run(row, definition, prior, kept));
    // Answers and pick-ups stored while it was not running here are applied as it resumes.
    if (ran) signals.sweepSoon(row.executionArn);
    return resumed;
  }

  /**
   * Resumes claimed executions together: one at a time, each would wait for its own trips to the
   * store and commit alone. Those running here already (a lease of its own that had expired) only
   * had their lease extended. A resume that fails would leave its row claimed here with nothing
   * running it: it is handed back (see ResumeRetries), unless the same read would fail again.
   */
  resumeAll(rows: readonly ClaimedExecution[]): Promise<DurableExecution[]> {
    const fresh = rows.filter((row) => !this.runsHere(row.executionArn));
    return this.retries.all(
      fresh,
      (row) => row.executionArn,
      (row) => this.resume(row),
    );
  }

  /** Whether it runs here, or ended here and the commit of its end has not settled yet. */
  runsHere(executionArn: string): boolean {
    return this.live.has(executionArn) || this.finishing.has(executionArn);
  }

  /** The executions whose leases this runtime keeps: those running here and those ending. */
  heldArns(): string[] {
    return [...this.live.keys(), ...this.finishing.keys()];
  }

  /** Resumes executions from the store (those still running, and not here); see ResumeRetries. */
  resumeArns(executionArns: readonly string[]): Promise<void> {
    return this.retries.now(executionArns);
  }

  private async resumeStored(executionArn: string): Promise<void> {
    const row = await this.options.store.getExecution(executionArn);
    // One that runs here already is left to its run (see resume).
    if (row?.status === 'RUNNING') await this.resume(row);
  }

  /** Stops running executions here without writing anything more for them. */
  abandon(executionArns: readonly string[], cause = 'The execution was handed to another runtime.'): void {
    for (const arn of executionArns) {
      const entry = this.live.get(arn);
      if (!entry) continue;
      this.live.delete(arn);
      this.options.signals.forget(arn);
      // Its stop here is not its end: a handle awaiting it reads the store instead.
      entry.stale = true;
      const tokens = entry.journal.detach();
      entry.execution.stop({ error: 'States.Runtime', cause });
      // Its tasks stopped waiting, but their tokens did not close: once it is replayed here, an
      // answer stored meanwhile reaches the task rather than finding its token timed out.
      for (const token of tokens) this.options.taskTokens.forget(token);
    }
  }

  /**
   * After a refused or failed commit, the executions resume from what the store holds: those still
   * running here are let go, and so are those that ended here if the commit carried their end.
   */
  handBack(executionArns: readonly string[], error: unknown): void {
    const held: string[] = [];
    const ended: string[] = [];
    for (const arn of executionArns) {
      const entry = this.live.get(arn) ?? this.finishing.get(arn);
      if (!entry) continue;
      entry.stale = true;
      (this.live.has(arn) ? held : ended).push(arn);
    }
    this.abandon(held);
    for (const arn of ended) this.finishing.delete(arn);
    if (error !== undefined) this.resumeLater([...held, ...ended]);
  }

  /** Executions claimed here that did not run: see ResumeRetries. */
  resumeLater(executionArns: readonly string[]): void {
    this.retries.later(executionArns);
  }

  /** The runtime has closed: no execution is tried again here. */
  close(): void {
    this.retries.close();
    this.results.detach();
  }
}

/** The event a redrive begins with (not one the engine records). */
export function redrivenEvent(row: StoredExecution, lastId: number, now: number): StoredEvent {
  return {
    executionArn: row.executionArn,
    id: lastId + 1,
    previousEventId: lastId,
    type: REDRIVEN,
    time: now,
    position: `~redrive:${row.redriveCount}`,
    details: JSON.stringify({ redriveCount: row.redriveCount }),
  };
}

/** What a resumed run's heartbeat clocks start from (see createDurableJournal). */
interface KeptHeartbeats {
  /** The due times of its timer rows, by id: its named timers are its tasks' heartbeat clocks. */
  readonly timers: ReadonlyMap<string, number>;
  /** When the latest heartbeat stored for each of its tokens was sent. */
  readonly sentAt: ReadonlyMap<string, number>;
}

/**
 * An execution's timer rows, read before they are cleared for the resumed run to set them again,
 * and the times of the heartbeats stored for its tokens, which the resumed run counts from rather
 * than from when it applies them. Only a definition with a heartbeat has any, and the others are
 * spared the reads.
 */
async function keptHeartbeats(
  store: DurableStore,
  executionArn: string,
  definition: string,
): Promise<KeptHeartbeats | undefined> {
  if (!definition.includes('"HeartbeatSeconds')) return undefined;
  const [timers, signals] = await Promise.all([
    store.listTimers(executionArn),
    store.taskSignals([executionArn]),
  ]);
  const sentAt = new Map<string, number>();
  for (const row of signals) {
    if (row.state === 'OPEN' && row.heartbeats > 0 && row.heartbeatAt !== undefined)
      sentAt.set(row.token, row.heartbeatAt);
  }
  return { timers: new Map(timers.map((t) => [t.timerId, t.due])), sentAt };
}
