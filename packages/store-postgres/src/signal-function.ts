/**
 * `signal_task`: an answer (`SUCCESS`, `FAILURE`) or a `HEARTBEAT` sent to a task token by any
 * runtime. It holds the execution row (`FOR KEY SHARE`: a commit ending the execution waits, so
 * no signal is stored for an execution that has ended), stores the signal unless the token is
 * closed (a heartbeat with the time it was sent, `p_at`, of which the token keeps the latest), and
 * NOTIFYs
 * `<schema>_task` with the execution ARN for the worker running it; an answer or a heartbeat makes
 * an unloaded execution due at once (NOTIFY `<schema>_wake`). Returns a TaskSignalOutcome.
 */
export const SIGNAL_TASK = `
  CREATE OR REPLACE FUNCTION {s}.signal_task(
    p_token TEXT, p_arn TEXT, p_kind TEXT, p_output TEXT, p_error TEXT, p_cause TEXT, p_at BIGINT
  ) RETURNS TEXT LANGUAGE plpgsql AS $$
  DECLARE
    execution_status TEXT;
    previous TEXT;
    written INTEGER;
  BEGIN
    SELECT status INTO execution_status FROM {s}.executions WHERE arn = p_arn FOR KEY SHARE;
    IF execution_status IS NULL THEN RETURN 'UNKNOWN'; END IF;
    IF execution_status <> 'RUNNING' THEN RETURN 'TIMED_OUT'; END IF;
    SELECT state INTO previous FROM {s}.task_tokens WHERE token = p_token;
    IF p_kind = 'HEARTBEAT' THEN
      INSERT INTO {s}.task_tokens (token, execution_arn, scheduled_at, state, heartbeats, heartbeat_at)
        VALUES (p_token, p_arn, 0, 'OPEN', 1, p_at)
        ON CONFLICT (token) DO UPDATE SET heartbeats = {s}.task_tokens.heartbeats + 1,
          heartbeat_at = greatest({s}.task_tokens.heartbeat_at, excluded.heartbeat_at)
        WHERE {s}.task_tokens.state = 'OPEN';
    ELSE
      INSERT INTO {s}.task_tokens (token, execution_arn, scheduled_at, state, answer_kind, output, error, cause)
        VALUES (p_token, p_arn, 0, 'ANSWERED', p_kind, p_output, p_error, p_cause)
        ON CONFLICT (token) DO UPDATE SET state = 'ANSWERED', answer_kind = excluded.answer_kind,
          output = excluded.output, error = excluded.error, cause = excluded.cause
        WHERE {s}.task_tokens.state = 'OPEN';
    END IF;
    GET DIAGNOSTICS written = ROW_COUNT;
    IF written = 0 THEN
      RETURN CASE WHEN previous = 'TIMED_OUT' THEN 'TIMED_OUT' ELSE 'CLOSED' END;
    END IF;
    PERFORM pg_notify('{s}_task', p_arn);
    -- An unloaded execution is due at once (a heartbeat too: its heartbeat clock must not run
    -- out while it sleeps); idle workers are told.
    UPDATE {s}.executions SET wake_at = 0 WHERE arn = p_arn AND wake_at IS NOT NULL;
    IF FOUND THEN PERFORM pg_notify('{s}_wake', ''); END IF;
    RETURN 'ACCEPTED';
  END $$;
`;
