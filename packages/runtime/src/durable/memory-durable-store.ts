import { type AppliedTaskSignals, hasUnappliedSignal } from './applied-signals';
import {
  type ClaimedRun,
  type ClaimRequest,
  type CommitBatch,
  type CommitResult,
  type DurableStatus,
  type DurableStore,
  isFencedFor,
  type StoredAlias,
  type StoredEvent,
  type StoredExecution,
  type StoredStateMachine,
  type StoredTimer,
  type StoredVersion,
  timerAndTokenArns,
} from './durable-store';
import { checkFollows, chunksOf } from './event-chunks';
import { MemoryTaskTokens } from './memory-task-tokens';
import { DurableResourceNotFoundError } from './store-errors';
import type { StoredActivity, StoredTaskToken, TaskAnswer, TaskSignalOutcome } from './stored-tasks';
import { endedRow, terminalUpdate } from './terminal-status';

const REDRIVABLE: readonly DurableStatus[] = ['FAILED', 'TIMED_OUT', 'ABORTED'];

/**
 * A durable store in process memory: nothing survives the process, but it keeps the same contract
 * as the database stores (atomic commits, leases, versions), for tests and Express executions.
 */
export class InMemoryDurableStore implements DurableStore {
  readonly shared: boolean = false;
  private readonly definitions = new Map<string, string>();
  private readonly machines = new Map<string, StoredStateMachine>();
  private readonly versions = new Map<string, StoredVersion>();
  private readonly aliases = new Map<string, StoredAlias>();
  private readonly executions = new Map<string, StoredExecution>();
  private readonly events = new Map<string, StoredEvent[]>();
  private readonly timers = new Map<string, Map<string, StoredTimer>>();
  private readonly tasks = new MemoryTaskTokens();
  /** Wake times of unloaded executions. */
  private readonly wakeAt = new Map<string, number>();

  async init(): Promise<void> {}
  async close(): Promise<void> {}

  async putDefinition(definitionId: string, json: string): Promise<void> {
    this.definitions.set(definitionId, json);
  }
  async getDefinition(definitionId: string): Promise<string | undefined> {
    return this.definitions.get(definitionId);
  }
  async putStateMachine(machine: StoredStateMachine): Promise<void> {
    this.machines.set(machine.stateMachineArn, { ...machine });
  }
  async getStateMachine(arn: string): Promise<StoredStateMachine | undefined> {
    return this.machines.get(arn);
  }
  async publishVersion(arn: string, description: string | undefined, now: number): Promise<StoredVersion> {
    const machine = this.machines.get(arn);
    if (!machine) throw new DurableResourceNotFoundError('state machine', arn);
    const version = (await this.listVersions(arn)).length + 1;
    const row: StoredVersion = {
      versionArn: `${arn}:${version}`,
      stateMachineArn: arn,
      version,
      definitionId: machine.definitionId,
      description,
      createdAt: now,
    };
    this.versions.set(row.versionArn, row);
    return row;
  }
  async getVersion(versionArn: string): Promise<StoredVersion | undefined> {
    return this.versions.get(versionArn);
  }
  async listVersions(arn: string): Promise<StoredVersion[]> {
    return [...this.versions.values()]
      .filter((v) => v.stateMachineArn === arn)
      .sort((a, b) => a.version - b.version);
  }
  async putAlias(alias: StoredAlias): Promise<void> {
    this.aliases.set(alias.aliasArn, { ...alias, routing: alias.routing.map((r) => ({ ...r })) });
  }
  async getAlias(aliasArn: string): Promise<StoredAlias | undefined> {
    return this.aliases.get(aliasArn);
  }

  async commit(batch: CommitBatch): Promise<CommitResult> {
    // Check everything first, so a refused batch changes nothing (as a rolled-back transaction).
    const fenced = new Set<string>();
    // A new execution whose ARN is taken (another runtime started it meanwhile) is left out with
    // its rows, not the whole commit: the others in it have done their work.
    const taken = batch.executions.filter((e) => this.executions.has(e.executionArn));
    for (const execution of taken) fenced.add(execution.executionArn);
    const inserted = batch.executions.filter((e) => !fenced.has(e.executionArn));
    const fresh = new Set(inserted.map((e) => e.executionArn));
    const chunks = chunksOf(batch.events);
    for (const chunk of chunks) {
      const arn = chunk.executionArn;
      if (!fresh.has(arn) && !this.executions.has(arn))
        throw new DurableResourceNotFoundError('execution', arn);
    }
    // Every execution the batch writes a row for (events, timers, tokens) is fenced alike.
    const written = timerAndTokenArns(batch);
    for (const chunk of chunks) written.add(chunk.executionArn);
    for (const arn of written) {
      const row = fresh.has(arn) ? undefined : this.executions.get(arn);
      if (row && isFencedFor(row, batch.owner)) fenced.add(arn);
    }
    for (const chunk of chunks) {
      if (!fenced.has(chunk.executionArn)) {
        checkFollows(chunk, this.events.get(chunk.executionArn)?.at(-1)?.id ?? 0);
      }
    }
    // The ends too are read before anything is written: details that cannot be read refuse the batch.
    const ends = new Map<StoredEvent, ReturnType<typeof terminalUpdate>>();
    for (const event of batch.events) {
      if (fenced.has(event.executionArn)) continue;
      const end = terminalUpdate(event);
      if (end) ends.set(event, end);
    }
    for (const execution of inserted) {
      this.executions.set(execution.executionArn, { ...execution });
      this.events.set(execution.executionArn, []);
    }
    for (const event of chunks.flatMap((chunk) => chunk.events)) {
      if (fenced.has(event.executionArn)) continue;
      (this.events.get(event.executionArn) as StoredEvent[]).push({ ...event });
      const end = ends.get(event);
      if (end) {
        const row = this.executions.get(event.executionArn) as StoredExecution;
        this.executions.set(event.executionArn, endedRow(row, end));
        this.timers.delete(event.executionArn);
        this.tasks.endExecution(event.executionArn, end.status);
        this.wakeAt.delete(event.executionArn);
      }
    }
    for (const timer of batch.timersSet) {
      if (fenced.has(timer.executionArn) || !this.isRunning(timer.executionArn)) continue;
      const map = this.timers.get(timer.executionArn) ?? new Map<string, StoredTimer>();
      map.set(timer.timerId, { ...timer });
      this.timers.set(timer.executionArn, map);
    }
    for (const timer of batch.timersCleared) {
      if (!fenced.has(timer.executionArn)) this.timers.get(timer.executionArn)?.delete(timer.timerId);
    }
    for (const opened of batch.tokensOpened ?? []) {
      if (!fenced.has(opened.executionArn) && this.isRunning(opened.executionArn)) this.tasks.open(opened);
    }
    for (const closed of batch.tokensClosed ?? []) {
      if (!fenced.has(closed.executionArn)) this.tasks.close(closed);
    }
    return { fenced: [...fenced] };
  }

  async putActivity(activity: StoredActivity): Promise<StoredActivity> {
    return this.tasks.putActivity(activity);
  }
  async getActivity(activityArn: string): Promise<StoredActivity | undefined> {
    return this.tasks.getActivity(activityArn);
  }
  async takeActivityTask(
    activityArn: string,
    workerName: string | undefined,
  ): Promise<StoredTaskToken | undefined> {
    const taken = this.tasks.take(activityArn, workerName);
    if (taken) this.wakeExecution(taken.executionArn);
    return taken;
  }
  async answerTask(token: string, executionArn: string, answer: TaskAnswer): Promise<TaskSignalOutcome> {
    const outcome = this.tasks.answer(token, executionArn, answer, this.executions.get(executionArn)?.status);
    if (outcome === 'ACCEPTED') this.wakeExecution(executionArn);
    return outcome;
  }
  async heartbeatTask(token: string, executionArn: string, at: number): Promise<TaskSignalOutcome> {
    const status = this.executions.get(executionArn)?.status;
    const outcome = this.tasks.heartbeat(token, executionArn, at, status);
    if (outcome === 'ACCEPTED') this.wakeExecution(executionArn);
    return outcome;
  }
  async taskSignals(executionArns: readonly string[]): Promise<StoredTaskToken[]> {
    return this.tasks.signals(executionArns);
  }
  async getTaskToken(token: string): Promise<StoredTaskToken | undefined> {
    return this.tasks.get(token);
  }

  async getExecution(arn: string): Promise<StoredExecution | undefined> {
    return this.executions.get(arn);
  }
  async endedAmong(arns: readonly string[]): Promise<StoredExecution[]> {
    return arns.flatMap((arn) => {
      const row = this.executions.get(arn);
      return row && row.status !== 'RUNNING' ? [row] : [];
    });
  }
  async listExecutions(filter: { readonly status?: DurableStatus } = {}): Promise<StoredExecution[]> {
    return [...this.executions.values()].filter(
      (e) => filter.status === undefined || e.status === filter.status,
    );
  }
  async listEvents(arn: string): Promise<StoredEvent[]> {
    return this.eventsOf(arn);
  }
  private eventsOf(arn: string): StoredEvent[] {
    return (this.events.get(arn) ?? []).slice().sort((a, b) => a.id - b.id);
  }
  async listTimers(arn: string): Promise<StoredTimer[]> {
    return [...(this.timers.get(arn)?.values() ?? [])].sort((a, b) => a.due - b.due);
  }
  async clearTimers(arn: string): Promise<void> {
    this.timers.delete(arn);
  }

  async claim(request: ClaimRequest): Promise<ClaimedRun[]> {
    const claimed: ClaimedRun[] = [];
    const among = request.wokenOnly && request.among ? new Set(request.among) : undefined;
    for (const row of this.executions.values()) {
      if (claimed.length >= request.limit) break;
      if (row.status !== 'RUNNING' || (among && !among.has(row.executionArn))) continue;
      const free = row.owner === undefined || (row.leaseExpires ?? 0) <= request.now || request.takeOver;
      if (!free) continue;
      const wakeAt = this.wakeAt.get(row.executionArn);
      if (wakeAt === undefined ? request.wokenOnly : wakeAt > request.now) continue;
      this.wakeAt.delete(row.executionArn);
      const taken = { ...row, owner: request.owner, leaseExpires: request.now + request.leaseMs };
      this.executions.set(row.executionArn, taken);
      claimed.push({ ...taken, history: this.eventsOf(row.executionArn) });
    }
    return claimed;
  }
  async unload(
    owner: string,
    arn: string,
    wakeAt: number,
    applied: readonly AppliedTaskSignals[],
  ): Promise<boolean> {
    const row = this.executions.get(arn);
    if (row?.owner !== owner || row.status !== 'RUNNING') return false;
    if (this.tasks.signals([arn]).some((token) => hasUnappliedSignal(token, applied))) return false;
    this.executions.set(arn, { ...row, owner: undefined, leaseExpires: undefined });
    this.wakeAt.set(arn, wakeAt);
    this.tasks.heartbeatsApplied(arn);
    return true;
  }
  async nextWake(): Promise<number | undefined> {
    let earliest: number | undefined;
    for (const at of this.wakeAt.values()) if (earliest === undefined || at < earliest) earliest = at;
    return earliest;
  }
  async renew(owner: string, arns: readonly string[], leaseMs: number, now: number): Promise<string[]> {
    const lost: string[] = [];
    for (const arn of arns) {
      const row = this.executions.get(arn);
      if (row?.owner !== owner || row.status !== 'RUNNING') lost.push(arn);
      else this.executions.set(arn, { ...row, leaseExpires: now + leaseMs });
    }
    return lost;
  }
  async seize(
    arn: string,
    owner: string,
    leaseMs: number,
    now: number,
  ): Promise<StoredExecution | undefined> {
    const row = this.executions.get(arn);
    if (row?.status !== 'RUNNING') return undefined;
    const seized = { ...row, owner, leaseExpires: now + leaseMs };
    this.executions.set(arn, seized);
    return seized;
  }
  async release(owner: string, arns: readonly string[]): Promise<void> {
    for (const arn of arns) {
      const row = this.executions.get(arn);
      if (row?.owner === owner)
        this.executions.set(arn, { ...row, owner: undefined, leaseExpires: undefined });
    }
  }
  async redrive(
    arn: string,
    owner: string,
    leaseMs: number,
    now: number,
  ): Promise<StoredExecution | undefined> {
    const row = this.executions.get(arn);
    if (!row || !REDRIVABLE.includes(row.status)) return undefined;
    const redriven: StoredExecution = {
      ...row,
      status: 'RUNNING',
      stopTime: undefined,
      output: undefined,
      error: undefined,
      cause: undefined,
      redriveCount: row.redriveCount + 1,
      owner,
      leaseExpires: now + leaseMs,
    };
    this.executions.set(arn, redriven);
    return redriven;
  }

  /** A task signal for an unloaded execution makes it due at once. */
  private wakeExecution(arn: string): void {
    if (this.wakeAt.has(arn)) this.wakeAt.set(arn, 0);
  }

  private isRunning(arn: string): boolean {
    return this.executions.get(arn)?.status === 'RUNNING';
  }
}
