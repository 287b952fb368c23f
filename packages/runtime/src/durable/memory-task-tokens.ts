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
  private readonly tokens = new Map<string, StoredTaskToken>();

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
    const existing = this.tokens.get(opened.token);
    // An answer may have arrived before the commit that opens the token.
    this.tokens.set(opened.token, existing ? { ...existing, ...opened } : fresh(opened));
  }

  close(closed: ClosedTaskToken): void {
    const existing = this.tokens.get(closed.token);
    if (existing) this.tokens.set(closed.token, { ...existing, state: closed.state });
  }

  /**
   * Closes every token of an execution that ended (see `DurableStore.commit`): one still open or
   * answered times out, and no row keeps its input or answer.
   */
  endExecution(executionArn: string): void {
    for (const [token, row] of this.tokens) {
      if (row.executionArn !== executionArn) continue;
      const state = row.state === 'OPEN' || row.state === 'ANSWERED' ? 'TIMED_OUT' : row.state;
      this.tokens.set(token, { ...row, state, input: undefined, answer: undefined });
    }
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
    const existing = this.tokens.get(token);
    const refused = refusal(existing, status);
    if (refused) return refused;
    const base = existing ?? unopened(token, executionArn);
    this.tokens.set(token, { ...base, state: 'ANSWERED', answer });
    return 'ACCEPTED';
  }

  heartbeat(token: string, executionArn: string, status: DurableStatus | undefined): TaskSignalOutcome {
    const existing = this.tokens.get(token);
    const refused = refusal(existing, status);
    if (refused) return refused;
    const base = existing ?? unopened(token, executionArn);
    this.tokens.set(token, { ...base, heartbeats: base.heartbeats + 1 });
    return 'ACCEPTED';
  }

  signals(executionArns: readonly string[]): StoredTaskToken[] {
    const wanted = new Set(executionArns);
    return [...this.tokens.values()].filter((row) => wanted.has(row.executionArn) && hasSignal(row));
  }

  get(token: string): StoredTaskToken | undefined {
    return this.tokens.get(token);
  }
}

function fresh(opened: OpenedTaskToken): StoredTaskToken {
  return { ...opened, state: 'OPEN', taken: false, workerName: undefined, heartbeats: 0, answer: undefined };
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
