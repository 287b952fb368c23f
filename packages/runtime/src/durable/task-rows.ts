import { integer, optionalText, type Row, text } from './row-mappers';
import { StoreCorruptionError } from './store-errors';
import type { StoredActivity, StoredTaskToken, TaskAnswer, TaskTokenState } from './stored-tasks';

/** Task token and activity rows of the SQL stores (same column names in both), read back checked. */
const TOKEN_STATES: readonly TaskTokenState[] = ['OPEN', 'ANSWERED', 'CLOSED', 'TIMED_OUT'];

export function taskTokenFrom(row: Row): StoredTaskToken {
  const what = `task token ${String(row.token)}`;
  const state = text(row, 'state', what) as TaskTokenState;
  if (!TOKEN_STATES.includes(state)) throw new StoreCorruptionError(what, `unknown state ${state}`);
  const kind = optionalText(row, 'answer_kind', what);
  const answer: TaskAnswer | undefined =
    kind === undefined
      ? undefined
      : kind === 'SUCCESS'
        ? { kind, output: text(row, 'output', what) }
        : {
            kind: 'FAILURE',
            error: optionalText(row, 'error', what),
            cause: optionalText(row, 'cause', what),
          };
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
