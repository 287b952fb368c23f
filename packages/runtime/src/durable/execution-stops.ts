import type { Clock } from '../clock/clock';
import type { StopReason } from '../engine/execution-result';
import type { CommitQueue } from './commit-queue';
import type { DurableStore, StoredEvent, StoredExecution } from './durable-store';
import { childIdentity, MAP_RUN_STOPPED } from './map-children';
import { ExecutionNotStoppedError } from './store-errors';
import { parseJsonObject } from './terminal-status';

/** What a stop needs of the runtime whose executions it stops. */
export interface StopSite {
  readonly store: DurableStore;
  readonly queue: CommitQueue;
  readonly clock: Clock;
  readonly owner: string;
  readonly leaseMs: number;
  isLive(executionArn: string): boolean;
  /** Stops an execution running here; resolves once its end is committed. */
  stopHere(executionArn: string, reason: Readonly<StopReason>): Promise<void>;
  /** Runs here, and stops at once, a queued execution that never ran. */
  startStopped(row: StoredExecution, reason: Readonly<StopReason>): Promise<void>;
  /** A resume of the execution in progress here, if any. */
  resuming(executionArn: string): Promise<unknown> | undefined;
  /** The stop is over: `ended` tells whether the execution has ended. */
  stopped(executionArn: string, ended: boolean): void;
}

/** How often a stop seizes and writes again when its end was left out (another stop raced it). */
const ATTEMPTS = 5;

/** Why a child of a stopped execution's Map Run is stopped: as its Map would stop it. */
const CHILD_STOP = { cause: MAP_RUN_STOPPED };

/** How many children of a Map Run a stop stops at once. */
const CHILDREN_AT_ONCE = 32;

/**
 * Stops durable executions as StopExecution does, one stop of an execution at a time: a second
 * stop waits for the first, then finds the execution ended. Through the store, an execution that
 * does not run here gets its `ExecutionAborted` written directly, after its lease is seized on a
 * shared store, and the children of its Map Runs that still run are stopped the same way.
 */
export class ExecutionStops {
  private readonly inProgress = new Map<string, Promise<StoredExecution | undefined>>();
  /** How many stops have begun here: a history read before another began may lack its end. */
  begun = 0;

  constructor(private readonly site: StopSite) {}

  /** Whether a stop of this execution is in progress (a resume then leaves it alone). */
  has(executionArn: string): boolean {
    return this.inProgress.has(executionArn);
  }

  /** Resolves once the end is committed, with the row (as it was, if it had ended already). */
  stop(executionArn: string, reason: Readonly<StopReason>): Promise<StoredExecution | undefined> {
    this.begun++;
    const before = this.inProgress.get(executionArn);
    const current = this.after(before, executionArn, reason);
    this.inProgress.set(executionArn, current);
    void current.then(
      (row) => this.settled(executionArn, current, row !== undefined && row.status !== 'RUNNING'),
      () => this.settled(executionArn, current, false),
    );
    return current;
  }

  private async after(
    before: Promise<unknown> | undefined,
    executionArn: string,
    reason: Readonly<StopReason>,
  ): Promise<StoredExecution | undefined> {
    await before?.catch(() => {});
    return this.stopOnce(executionArn, reason);
  }

  /** The last stop of an execution queued here is over. */
  private settled(executionArn: string, stop: Promise<unknown>, ended: boolean): void {
    if (this.inProgress.get(executionArn) !== stop) return;
    this.inProgress.delete(executionArn);
    this.site.stopped(executionArn, ended);
  }

  private async stopOnce(arn: string, reason: Readonly<StopReason>): Promise<StoredExecution | undefined> {
    const { store, queue } = this.site;
    await this.site.resuming(arn)?.catch(() => {});
    // One running here stops at once, so its end is committed with what was recorded before the
    // stop (its parent's end, when the parent no longer needs it), never after: a crash between
    // the two commits would leave it running. Otherwise what it recorded here lands first (its
    // own end, say): the stop then finds it ended.
    if (!this.site.isLive(arn)) await queue.flushed().catch(() => {});
    if (this.site.isLive(arn)) {
      await this.site.stopHere(arn, reason);
      const row = await store.getExecution(arn);
      // Its Map Runs stop their children as they abort, but without waiting: the children are
      // stopped here too, so a crash right after the stop cannot leave them to run on.
      if (row?.status === 'ABORTED') await this.stopChildren(await store.listEvents(arn));
      // Still running: a commit in flight before the stop failed, and its abort, queued behind
      // it, was dropped with the execution's other rows. It is stopped through the store.
      if (row?.status !== 'RUNNING') return row;
    }
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const row = await this.take(arn);
      if (row?.status !== 'RUNNING') {
        const ended = row ?? (await store.getExecution(arn));
        // Stopped before (by another runtime, or a stop whose children were not all stopped).
        if (ended?.status === 'ABORTED') await this.stopChildren(await store.listEvents(arn));
        return ended;
      }
      const events = await this.abort(row, reason);
      const after = await store.getExecution(arn);
      if (after?.status !== 'RUNNING') {
        await this.stopChildren(events);
        return after;
      }
      // The end was left out: another runtime seized the execution meanwhile (a stop of its own).
      // Waits differ, so two stoppers do not keep taking the lease from each other.
      await new Promise((resolve) => setTimeout(resolve, (10 + Math.random() * 40) * attempt));
    }
    throw new ExecutionNotStoppedError(arn, ATTEMPTS);
  }

  /** The execution's row, with its lease seized on a shared store so its holder cannot write. */
  private take(arn: string): Promise<StoredExecution | undefined> {
    const { store, owner, leaseMs, clock } = this.site;
    return store.shared ? store.seize(arn, owner, leaseMs, clock.now()) : store.getExecution(arn);
  }

  /** Writes the end of an execution that runs nowhere now; returns the events it had before. */
  private async abort(row: StoredExecution, reason: Readonly<StopReason>): Promise<StoredEvent[]> {
    const { store, queue, clock, owner } = this.site;
    try {
      const events = await store.listEvents(row.executionArn);
      if (events.length === 0) await this.site.startStopped(row, reason);
      else {
        queue.addEvent(abortedEvent(row.executionArn, events.length, clock.now(), reason));
        await queue.flushed();
      }
      return events;
    } catch (error) {
      // The seized lease goes back, so the execution wakes or is claimed as it would have been.
      if (store.shared) await store.release(owner, [row.executionArn]).catch(() => {});
      throw error;
    }
  }

  /** Whether any of the first `CHILDREN_PROBED` children of a Map Run is stored. */
  private async storesChildren(mapRunArn: string, length: number): Promise<boolean> {
    const probed = Array.from({ length: Math.min(length, CHILDREN_PROBED) }, (_, index) =>
      this.site.store.getExecution(childIdentity(mapRunArn, index).executionArn),
    );
    return (await Promise.all(probed)).some((row) => row !== undefined);
  }

  /**
   * Stops the children of the execution's Map Runs that still run, wherever they run, and looks
   * into those already stopped for theirs. All are tried, a few at a time; the first failure is
   * reported once they have settled.
   */
  private async stopChildren(events: readonly StoredEvent[]): Promise<void> {
    const runs = mapRuns(events);
    let failure: { reason: unknown } | undefined;
    for (const { mapRunArn, length } of runs) {
      // An EXPRESS run stores no children. Items that failed before their child started (tolerated
      // failures) leave gaps, so the first few indexes are looked at, not only the first.
      if (!(await this.storesChildren(mapRunArn, length))) continue;
      for (let from = 0; from < length; from += CHILDREN_AT_ONCE) {
        const indexes = Array.from({ length: Math.min(CHILDREN_AT_ONCE, length - from) }, (_, i) => from + i);
        const stops = await Promise.allSettled(
          // A child that ended otherwise, or never started, is left as it is by its stop.
          indexes.map((index) => this.stop(childIdentity(mapRunArn, index).executionArn, CHILD_STOP)),
        );
        for (const stop of stops) if (stop.status === 'rejected') failure ??= { reason: stop.reason };
      }
    }
    // A nested child the parent waited on (.sync), named by the task's TaskSubmitted event.
    const nested = await Promise.allSettled(nestedChildren(events).map((arn) => this.stop(arn, NESTED_STOP)));
    for (const stop of nested) if (stop.status === 'rejected') failure ??= { reason: stop.reason };
    if (failure) throw failure.reason;
  }
}

/** How many of a Map Run's first children are looked for before taking it for an EXPRESS run. */
const CHILDREN_PROBED = 32;

/** Why a nested child of a stopped execution is stopped: as its parent's task would stop it. */
const NESTED_STOP = { cause: 'The parent execution stopped waiting for it.' } as const;

/** The executions the events' `.sync` startExecution tasks started and waited on. */
function nestedChildren(events: readonly StoredEvent[]): string[] {
  const arns: string[] = [];
  for (const event of events) {
    if (event.type !== 'TaskSubmitted') continue;
    const details = detailsOf(event);
    if (details.resourceType !== 'states' || !String(details.resource).startsWith('startExecution.sync'))
      continue;
    let output: unknown;
    try {
      output = JSON.parse(String(details.output));
    } catch {
      continue;
    }
    const arn = (output as { ExecutionArn?: unknown } | null)?.ExecutionArn;
    if (typeof arn === 'string') arns.push(arn);
  }
  return arns;
}

/**
 * The Map Runs the events started, with their item counts: a MapRunStarted follows its Map's
 * MapStateStarted on the same lane, which gives how many items (children) the run has.
 */
function mapRuns(events: readonly StoredEvent[]): { mapRunArn: string; length: number }[] {
  const byId = new Map(events.map((event) => [event.id, event]));
  const runs: { mapRunArn: string; length: number }[] = [];
  for (const event of events) {
    if (event.type !== 'MapRunStarted') continue;
    const started = byId.get(event.previousEventId);
    if (started?.type !== 'MapStateStarted') continue;
    const mapRunArn = detailsOf(event).mapRunArn;
    const length = detailsOf(started).length;
    if (typeof mapRunArn === 'string' && typeof length === 'number') runs.push({ mapRunArn, length });
  }
  return runs;
}

/** An event's details; a corrupt one counts as empty here, so one bad event cannot stop a stop. */
function detailsOf(event: StoredEvent): Record<string, unknown> {
  try {
    return parseJsonObject(event.details, `details of event ${event.id} of ${event.executionArn}`);
  } catch {
    return {};
  }
}

/** The end a stop writes for an execution that does not run here (not one the engine records). */
function abortedEvent(
  executionArn: string,
  lastId: number,
  now: number,
  reason: Readonly<StopReason>,
): StoredEvent {
  const details: StopReason = {};
  if (reason.error !== undefined) details.error = reason.error;
  if (reason.cause !== undefined) details.cause = reason.cause;
  return {
    executionArn,
    id: lastId + 1,
    previousEventId: lastId,
    type: 'ExecutionAborted',
    time: now,
    position: '~stop',
    details: JSON.stringify(details),
  };
}
