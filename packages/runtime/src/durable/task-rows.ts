import { integer, optionalText, type Row, text } from './row-mappers';
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
    answer,
  };
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
  return { kind: 'FAILURE', error: 'States.Runtime', cause: new StoreCorruptionError(what, detail).message };
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
