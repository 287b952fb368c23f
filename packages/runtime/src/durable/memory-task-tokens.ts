import type { DurableStatus } from './durable-store';
import type {
  ClosedTaskToken,
  OpenedTaskToken,
  StoredActivity,
  StoredTaskToken,
  TaskAnswer,
  TaskSignalOutcome,
} from './stored-tasks';

/**
 * The activities and task tokens of the in-memory durable store, with the same rules as the SQL
 * stores: tasks are handed out oldest first and once; a token is answered once; the rows of an
 * execution are closed when it ends.
 */
export class MemoryTaskTokens {
  private readonly activities = new Map<string, StoredActivity>();
  /** The tokens of running executions: the only ones handed out or signalled. */
  private readonly tokens = new Map<string, StoredTaskToken>();
  private readonly byExecution = new Map<string, Set<string>>();
  /** The closed tokens of executions that ended and may be redriven (see `endExecution`). */
  private readonly ended = new Map<string, StoredTaskToken>();

  putActivity(activity: StoredActivity): StoredActivity {
    const existing = this.activities.get(activity.activityArn);
    if (existing) return existing;
    this.activities.set(activity.activityArn, { ...activity });
    return activity;
  }

  getActivity(activityArn: string): StoredActivity | undefined {
    return this.activities.get(activityArn);
  }

  open(opened: OpenedTaskToken): void {
    // A token of an earlier attempt stays closed, as the SQL stores' upsert leaves it.
    if (this.ended.has(opened.token)) return;
    const existing = this.tokens.get(opened.token);
    // An answer may have arrived before the commit that opens the token.
    this.put(existing ? { ...existing, ...opened } : fresh(opened));
  }

  close(closed: ClosedTaskToken): void {
    const existing = this.tokens.get(closed.token);
    if (existing) this.tokens.set(closed.token, { ...existing, state: closed.state });
    const ended = this.ended.get(closed.token);
    if (ended) this.ended.set(closed.token, { ...ended, state: closed.state });
  }

  /**
   * Closes the tokens of an execution that ended (see `DurableStore.commit`): one still open or
   * answered times out, and no row keeps its input or answer. Those of an execution that
   * succeeded go: it can never be redriven, and its end refuses any answer already.
   */
  endExecution(executionArn: string, status: DurableStatus): void {
    for (const token of this.byExecution.get(executionArn) ?? []) {
      const row = this.tokens.get(token) as StoredTaskToken;
      this.tokens.delete(token);
      if (status === 'SUCCEEDED') continue;
      const state = row.state === 'OPEN' || row.state === 'ANSWERED' ? 'TIMED_OUT' : row.state;
      this.ended.set(token, { ...row, state, input: undefined, answer: undefined });
    }
    this.byExecution.delete(executionArn);
  }

  take(activityArn: string, workerName: string | undefined): StoredTaskToken | undefined {
    let oldest: StoredTaskToken | undefined;
    for (const row of this.tokens.values()) {
      if (row.activityArn !== activityArn || row.state !== 'OPEN' || row.taken) continue;
      if (!oldest || row.scheduledAt < oldest.scheduledAt) oldest = row;
    }
    if (!oldest) return undefined;
    const taken = { ...oldest, taken: true, workerName };
    this.tokens.set(oldest.token, taken);
    return taken;
  }

  /** `status`: the execution's, or undefined when it does not exist. */
  answer(
    token: string,
    executionArn: string,
    answer: TaskAnswer,
    status: DurableStatus | undefined,
  ): TaskSignalOutcome {
    const existing = this.get(token);
    const refused = refusal(existing, status);
    if (refused) return refused;
    const base = existing ?? unopened(token, executionArn);
    this.put({ ...base, state: 'ANSWERED', answer });
    return 'ACCEPTED';
  }

  heartbeat(
    token: string,
    executionArn: string,
    at: number,
    status: DurableStatus | undefined,
  ): TaskSignalOutcome {
    const existing = this.get(token);
    const refused = refusal(existing, status);
    if (refused) return refused;
    const base = existing ?? unopened(token, executionArn);
    const heartbeatAt = Math.max(base.heartbeatAt ?? at, at);
    this.put({ ...base, heartbeats: base.heartbeats + 1, heartbeatAt });
    return 'ACCEPTED';
  }

  /** The heartbeats stored for an execution's open tokens were applied (it left memory). */
  heartbeatsApplied(executionArn: string): void {
    for (const token of this.byExecution.get(executionArn) ?? []) {
      const row = this.tokens.get(token);
      if (row?.state === 'OPEN' && row.heartbeats > 0) this.tokens.set(token, { ...row, heartbeats: 0 });
    }
  }

  signals(executionArns: readonly string[]): StoredTaskToken[] {
    const rows: StoredTaskToken[] = [];
    for (const arn of new Set(executionArns)) {
      for (const token of this.byExecution.get(arn) ?? []) {
        const row = this.tokens.get(token) as StoredTaskToken;
        if (hasSignal(row)) rows.push(row);
      }
    }
    return rows;
  }

  get(token: string): StoredTaskToken | undefined {
    return this.tokens.get(token) ?? this.ended.get(token);
  }

  private put(row: StoredTaskToken): void {
    this.tokens.set(row.token, row);
    const tokens = this.byExecution.get(row.executionArn) ?? new Set<string>();
    this.byExecution.set(row.executionArn, tokens.add(row.token));
  }
}

function fresh(opened: OpenedTaskToken): StoredTaskToken {
  return {
    ...opened,
    state: 'OPEN',
    taken: false,
    workerName: undefined,
    heartbeats: 0,
    heartbeatAt: undefined,
    answer: undefined,
  };
}

/** A token signalled before the commit that opens it landed. */
function unopened(token: string, executionArn: string): StoredTaskToken {
  return fresh({ token, executionArn, activityArn: undefined, input: undefined, scheduledAt: 0 });
}

/** Why an answer or heartbeat is refused, if it is. */
function refusal(
  row: StoredTaskToken | undefined,
  status: DurableStatus | undefined,
): TaskSignalOutcome | undefined {
  if (status === undefined) return 'UNKNOWN';
  if (status !== 'RUNNING' || row?.state === 'TIMED_OUT') return 'TIMED_OUT';
  if (row?.state === 'ANSWERED' || row?.state === 'CLOSED') return 'CLOSED';
  return undefined;
}

/** What the runtime running the execution has to apply. */
export function hasSignal(row: StoredTaskToken): boolean {
  return row.state === 'ANSWERED' || (row.state === 'OPEN' && (row.taken || row.heartbeats > 0));
}
