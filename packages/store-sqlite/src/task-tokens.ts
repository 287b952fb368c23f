import {
  activityFrom,
  activityTaskFrom,
  answerValues,
  StoreCorruptionError,
  type StoredActivity,
  type StoredTaskToken,
  type TaskAnswer,
  type TaskSignalOutcome,
  taskSignalsFrom,
  taskTokenFrom,
  unreadableAnswer,
} from '@stepwise/runtime';
import type Database from 'better-sqlite3';
import type { TakenTask } from './core-api';
import type { Statements } from './statements';

/** Activities and task tokens in SQLite; each operation is one transaction. */
export class SqliteTaskTokens {
  constructor(
    private readonly db: Database.Database,
    private readonly sql: () => Statements,
  ) {}

  putActivity(activity: StoredActivity): StoredActivity {
    const sql = this.sql();
    sql.putActivity.run(activity.activityArn, activity.name, activity.createdAt);
    return activityFrom(sql.getActivity.get(activity.activityArn) as Record<string, unknown>);
  }

  getActivity(activityArn: string): StoredActivity | undefined {
    const row = this.sql().getActivity.get(activityArn) as Record<string, unknown> | undefined;
    return row && activityFrom(row);
  }

  take(activityArn: string, workerName: string | undefined): TakenTask {
    const sql = this.sql();
    const failed: string[] = [];
    return this.db.transaction(() => {
      for (;;) {
        const oldest = sql.oldestActivityTask.get(activityArn) as { token: string } | undefined;
        if (!oldest) return { task: undefined, failed };
        sql.takeToken.run(workerName ?? null, oldest.token);
        const row = sql.getToken.get(oldest.token) as Record<string, unknown>;
        let taken: StoredTaskToken;
        try {
          taken = activityTaskFrom(row);
        } catch (error) {
          if (!(error instanceof StoreCorruptionError)) throw error;
          // A task that cannot be read is not handed out, nor left to block the queue: its task
          // fails with States.Runtime, saying why, and the next one is taken.
          const arn = String(row.execution_arn);
          sql.answerToken.run(oldest.token, arn, ...answerValues(unreadableAnswer(error)));
          sql.wake.run(arn);
          failed.push(arn);
          continue;
        }
        // An unloaded execution wakes to record that a worker took its task.
        sql.wake.run(taken.executionArn);
        return { task: taken, failed };
      }
    })();
  }

  /** An accepted answer wakes the execution if it was unloaded. */
  answer(token: string, executionArn: string, answer: TaskAnswer): TaskSignalOutcome {
    return this.signal(token, executionArn, (sql) => {
      const written = sql.answerToken.run(token, executionArn, ...answerValues(answer)).changes;
      if (written > 0) sql.wake.run(executionArn);
      return written;
    });
  }

  /** An accepted heartbeat wakes the execution too: its heartbeat clock must not run out asleep. */
  heartbeat(token: string, executionArn: string, at: number): TaskSignalOutcome {
    return this.signal(token, executionArn, (sql) => {
      const written = sql.heartbeatToken.run(token, executionArn, at).changes;
      if (written > 0) sql.wake.run(executionArn);
      return written;
    });
  }

  signals(executionArns: readonly string[]): StoredTaskToken[] {
    const sql = this.sql();
    return executionArns.flatMap((arn) =>
      taskSignalsFrom(sql.tokenSignals.all(arn) as Record<string, unknown>[]),
    );
  }

  get(token: string): StoredTaskToken | undefined {
    const row = this.sql().getToken.get(token) as Record<string, unknown> | undefined;
    return row && taskTokenFrom(row);
  }

  /** Checks the execution runs, then writes; an unchanged row tells why the signal is refused. */
  private signal(token: string, executionArn: string, write: (sql: Statements) => number): TaskSignalOutcome {
    const sql = this.sql();
    return this.db.transaction((): TaskSignalOutcome => {
      const execution = sql.statusOf.get(executionArn) as { status: string } | undefined;
      if (!execution) return 'UNKNOWN';
      if (execution.status !== 'RUNNING') return 'TIMED_OUT';
      if (write(sql) > 0) return 'ACCEPTED';
      const row = sql.getToken.get(token) as { state: string } | undefined;
      return row?.state === 'TIMED_OUT' ? 'TIMED_OUT' : 'CLOSED';
    })();
  }
}
