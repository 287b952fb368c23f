/**
 * `commit_batch`: a whole commit in one call, so it costs one round trip. It inserts the new
 * executions (fencing one whose ARN is taken), locks the existing ones it writes any row for (`FOR UPDATE`, in ARN order) and leaves
 * out the rows of those leased to another owner or no longer running (fencing), refuses an event chunk overlapping one
 * already written (unique_violation: a transition applied twice) or leaving a hole after the last
 * one (SW001, with `[arn, first id, last stored id]` as detail: an earlier commit failed) or
 * belonging to no stored execution (SW002, the ARN as detail), records the ends of executions,
 * their timers and the tokens of callback and activity tasks (NOTIFY `<schema>_activity` for new
 * activity tasks; an ended execution's tokens are kept, closed, unless it succeeded). Returns the
 * fenced ARNs.
 */
export const COMMIT_BATCH = `
  CREATE OR REPLACE FUNCTION {s}.commit_batch(
    p_owner TEXT, p_executions JSON, p_fresh TEXT[],
    c_arn TEXT[], c_first INTEGER[], c_last INTEGER[], c_events TEXT[],
    e_arn TEXT[], e_status TEXT[], e_stop BIGINT[], e_output TEXT[], e_error TEXT[], e_cause TEXT[],
    s_arn TEXT[], s_id TEXT[], s_due BIGINT[],
    x_arn TEXT[], x_id TEXT[],
    o_token TEXT[], o_arn TEXT[], o_activity TEXT[], o_input TEXT[], o_scheduled BIGINT[],
    k_token TEXT[], k_arn TEXT[], k_state TEXT[]
  ) RETURNS TEXT[] LANGUAGE plpgsql
  -- Planned once per connection: left to choose, PostgreSQL planned the statements again on every
  -- call, which took longer than running them. In a generic plan, x = ANY(array) reads the whole
  -- array for every row it tests, so the set tests below are NOT IN and EXCEPT, which hash.
  SET plan_cache_mode = force_generic_plan AS $$
  DECLARE
    fenced TEXT[] := '{}';
    taken TEXT[] := '{}';
    held TEXT[];
    gap_arn TEXT;
    gap_first INTEGER;
    gap_last INTEGER;
    unknown_arn TEXT;
    locked TEXT[] := '{}';
    unlocked TEXT[] := '{}';
  BEGIN
    -- A new execution whose ARN is taken (another runtime started the same name meanwhile) is
    -- fenced with its rows, rather than failing the work of every other execution in the commit.
    IF p_executions IS NOT NULL THEN
      WITH inserted AS (
        INSERT INTO {s}.executions SELECT * FROM json_populate_recordset(NULL::{s}.executions, p_executions)
        ON CONFLICT (arn) DO NOTHING RETURNING arn
      )
      SELECT coalesce(array_agg(f), '{}') INTO taken FROM unnest(p_fresh) f
        WHERE f NOT IN (SELECT arn FROM inserted);
    END IF;
    -- Every execution the commit writes a row for (events, timers, tokens) is locked and fenced.
    -- A row locked after a wait is returned as the lock holder left it (read committed re-reads
    -- it), so a lease seized meanwhile is seen here.
    held := ARRAY(SELECT unnest(c_arn || s_arn || x_arn || o_arn || k_arn) EXCEPT SELECT unnest(p_fresh));
    IF cardinality(held) > 0 THEN
      SELECT coalesce(array_agg(l.arn) FILTER (WHERE (p_owner IS NOT NULL AND l.owner IS DISTINCT FROM p_owner)
          OR l.status <> 'RUNNING'), '{}'), coalesce(array_agg(l.arn), '{}')
        INTO fenced, locked
        FROM (SELECT e.arn, e.owner, e.status FROM {s}.executions e WHERE e.arn = ANY(held)
          ORDER BY e.arn FOR UPDATE) l;
      -- A row deleted while this commit waited for its lock is not locked, and one written since
      -- under the same ARN is not seen by that statement: one there now is fenced (nothing is
      -- written for it); for one that is not, events are refused below (timers and tokens of an
      -- unknown execution are no error).
      IF cardinality(locked) < cardinality(held) THEN
        unlocked := ARRAY(SELECT unnest(held) EXCEPT SELECT unnest(locked));
        fenced := fenced || ARRAY(SELECT e.arn FROM {s}.executions e WHERE e.arn = ANY(unlocked));
      END IF;
    END IF;
    fenced := fenced || taken;
    IF cardinality(c_arn) > 0 THEN
      IF cardinality(unlocked) > 0 THEN
        SELECT n.arn INTO unknown_arn FROM unnest(c_arn) n(arn)
          WHERE NOT EXISTS (SELECT 1 FROM {s}.executions e WHERE e.arn = n.arn) LIMIT 1;
        IF unknown_arn IS NOT NULL THEN
          RAISE EXCEPTION 'no such execution' USING ERRCODE = 'SW002', DETAIL = unknown_arn;
        END IF;
      END IF;
      SELECT n.arn, n.f, coalesce(before.last_id, 0) INTO gap_arn, gap_first, gap_last
        FROM unnest(c_arn, c_first, c_last) n(arn, f, l)
        LEFT JOIN LATERAL (
          SELECT c.last_id FROM {s}.event_chunks c
          WHERE c.execution_arn = n.arn AND c.first_id <= n.l ORDER BY c.first_id DESC LIMIT 1
        ) before ON true
        WHERE coalesce(before.last_id, 0) <> n.f - 1 AND n.arn NOT IN (SELECT unnest(fenced))
        LIMIT 1;
      IF gap_arn IS NOT NULL AND gap_last >= gap_first THEN
        RAISE unique_violation USING MESSAGE = 'an event of this commit is already written';
      ELSIF gap_arn IS NOT NULL THEN
        RAISE EXCEPTION 'history gap' USING ERRCODE = 'SW001',
          DETAIL = json_build_array(gap_arn, gap_first, gap_last)::text;
      END IF;
      INSERT INTO {s}.event_chunks (execution_arn, first_id, last_id, events)
        SELECT * FROM unnest(c_arn, c_first, c_last, c_events) n(arn, f, l, ev) WHERE n.arn NOT IN (SELECT unnest(fenced));
    END IF;
    IF cardinality(e_arn) > 0 THEN
      UPDATE {s}.executions e SET status = t.status, stop_time = t.stop, output = t.output, error = t.error,
          cause = t.cause, owner = NULL, lease_expires = NULL, wake_at = NULL
        FROM unnest(e_arn, e_status, e_stop, e_output, e_error, e_cause) t(arn, status, stop, output, error, cause)
        WHERE e.arn = t.arn AND t.arn NOT IN (SELECT unnest(fenced));
      DELETE FROM {s}.timers WHERE execution_arn = ANY(e_arn) AND execution_arn NOT IN (SELECT unnest(fenced));
      -- Kept, closed, so that an answer is refused after a redrive too; an execution that
      -- succeeded can never be redriven, and its tokens go.
      DELETE FROM {s}.task_tokens t USING unnest(e_arn, e_status) x(arn, status)
        WHERE t.execution_arn = x.arn AND x.status = 'SUCCEEDED' AND x.arn NOT IN (SELECT unnest(fenced));
      UPDATE {s}.task_tokens t SET state = CASE WHEN t.state IN ('OPEN', 'ANSWERED') THEN 'TIMED_OUT' ELSE t.state END,
          input = NULL, answer_kind = NULL, output = NULL, error = NULL, cause = NULL
        FROM unnest(e_arn, e_status) x(arn, status)
        WHERE t.execution_arn = x.arn AND x.status <> 'SUCCEEDED' AND x.arn NOT IN (SELECT unnest(fenced));
    END IF;
    IF cardinality(s_arn) > 0 THEN
      INSERT INTO {s}.timers (execution_arn, timer_id, due)
        SELECT * FROM unnest(s_arn, s_id, s_due) n(arn, id, due)
        WHERE n.arn NOT IN (SELECT unnest(fenced)) AND n.arn NOT IN (SELECT unnest(e_arn))
        ON CONFLICT (execution_arn, timer_id) DO UPDATE SET due = excluded.due;
    END IF;
    IF cardinality(x_arn) > 0 THEN
      DELETE FROM {s}.timers t USING unnest(x_arn, x_id) c(arn, id)
        WHERE t.execution_arn = c.arn AND t.timer_id = c.id AND c.arn NOT IN (SELECT unnest(fenced));
    END IF;
    IF cardinality(o_token) > 0 THEN
      INSERT INTO {s}.task_tokens (token, execution_arn, activity_arn, input, scheduled_at, state)
        SELECT n.token, n.arn, n.activity, n.input, n.scheduled, 'OPEN'
        FROM unnest(o_token, o_arn, o_activity, o_input, o_scheduled) n(token, arn, activity, input, scheduled)
        WHERE n.arn NOT IN (SELECT unnest(fenced)) AND n.arn NOT IN (SELECT unnest(e_arn))
        ON CONFLICT (token) DO UPDATE SET activity_arn = excluded.activity_arn, input = excluded.input,
          scheduled_at = excluded.scheduled_at;
      PERFORM pg_notify('{s}_activity', a.activity)
        FROM (SELECT DISTINCT activity FROM unnest(o_activity) activity WHERE activity IS NOT NULL) a;
    END IF;
    IF cardinality(k_token) > 0 THEN
      UPDATE {s}.task_tokens t SET state = k.state
        FROM unnest(k_token, k_arn, k_state) k(token, arn, state)
        WHERE t.token = k.token AND t.execution_arn = k.arn AND k.arn NOT IN (SELECT unnest(fenced));
    END IF;
    RETURN fenced;
  END $$;
`;
