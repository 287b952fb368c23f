import { integer, optionalText, optionalTime, type Row, text } from './row-mappers';
import { StoreCorruptionError } from './store-errors';
import type { StoredActivity, StoredTaskToken, TaskAnswer, TaskTokenState } from './stored-tasks';

/** Task token and activity rows of the SQL stores (same column names in both), read back checked. */
const TOKEN_STATES: readonly TaskTokenState[] = ['OPEN', 'ANSWERED', 'CLOSED', 'TIMED_OUT'];

export function taskTokenFrom(row: Row): StoredTaskToken {
  const what = `task token ${String(row.token)}`;
  const state = text(row, 'state', what) as TaskTokenState;
  if (!TOKEN_STATES.includes(state)) throw new StoreCorruptionError(what, `unknown state ${state}`);
  const answer = answerFrom(row, what);
  return {
    token: text(row, 'token', what),
    executionArn: text(row, 'execution_arn', what),
    activityArn: optionalText(row, 'activity_arn', what),
    input: optionalText(row, 'input', what),
    scheduledAt: integer(row, 'scheduled_at', what),
    state,
    // SQLite keeps booleans as 0/1, PostgreSQL as booleans.
    taken: row.taken === true || row.taken === 1 || row.taken === 1n,
    workerName: optionalText(row, 'worker_name', what),
    heartbeats: integer(row, 'heartbeats', what),
    heartbeatAt: optionalTime(row, 'heartbeat_at', what),
    answer,
  };
}

/**
 * An activity task's row as it is handed to a worker: its input must be JSON too, or the worker
 * would get a parse error naming no row while the task stayed taken, never failed nor handed out
 * again. One whose input is not is corruption, which the stores fail the task for.
 */
export function activityTaskFrom(row: Row): StoredTaskToken {
  const task = taskTokenFrom(row);
  if (task.input !== undefined) {
    try {
      JSON.parse(task.input);
    } catch {
      throw new StoreCorruptionError(`task token ${task.token}`, 'its input is not JSON');
    }
  }
  return task;
}

/**
 * The signals of many tokens, read row by row: a row that cannot be read must not hold back the
 * answers of other tasks. One whose token and execution can still be read reaches its task as a
 * failure with States.Runtime, saying what is wrong; any other is left out.
 */
export function taskSignalsFrom(rows: readonly Row[]): StoredTaskToken[] {
  const signals: StoredTaskToken[] = [];
  for (const row of rows) {
    try {
      signals.push(taskTokenFrom(row));
    } catch (error) {
      if (!(error instanceof StoreCorruptionError)) throw error;
      if (typeof row.token !== 'string' || typeof row.execution_arn !== 'string') continue;
      signals.push({
        token: row.token,
        executionArn: row.execution_arn,
        activityArn: undefined,
        input: undefined,
        scheduledAt: 0,
        state: 'ANSWERED',
        taken: false,
        workerName: undefined,
        heartbeats: 0,
        heartbeatAt: undefined,
        answer: unreadableAnswer(error),
      });
    }
  }
  return signals;
}

/** What fails a task whose row cannot be read: States.Runtime, saying what is wrong. */
export function unreadableAnswer(error: StoreCorruptionError): TaskAnswer {
  return { kind: 'FAILURE', error: 'States.Runtime', cause: error.message };
}

/**
 * The stored answer to a task. One that cannot be read (an unknown kind, an output that is not
 * JSON) fails the task with States.Runtime and says why, so its execution neither waits forever
 * for an answer it already has nor goes on as if the task had failed for a reason of its own.
 */
function answerFrom(row: Row, what: string): TaskAnswer | undefined {
  const kind = optionalText(row, 'answer_kind', what);
  if (kind === undefined) return undefined;
  if (kind === 'FAILURE') {
    return { kind, error: optionalText(row, 'error', what), cause: optionalText(row, 'cause', what) };
  }
  if (kind !== 'SUCCESS') return corrupt(what, `its answer has an unknown kind ${JSON.stringify(kind)}`);
  const output = text(row, 'output', what);
  try {
    JSON.parse(output);
  } catch {
    return corrupt(what, 'its answer is not JSON');
  }
  return { kind, output };
}

function corrupt(what: string, detail: string): TaskAnswer {
  return unreadableAnswer(new StoreCorruptionError(what, detail));
}

export function activityFrom(row: Row): StoredActivity {
  const what = `activity ${String(row.arn)}`;
  return {
    activityArn: text(row, 'arn', what),
    name: text(row, 'name', what),
    createdAt: integer(row, 'created_at', what),
  };
}

/** The answer columns (`answer_kind`, `output`, `error`, `cause`) of a task answer. */
export function answerValues(answer: TaskAnswer): (string | null)[] {
  return answer.kind === 'SUCCESS'
    ? ['SUCCESS', answer.output, null, null]
    : ['FAILURE', null, answer.error ?? null, answer.cause ?? null];
}
