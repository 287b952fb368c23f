import type { ExecutionResult } from '../../engine/execution-result';
import { resultOf } from '../durable-execution';
import type { DurableStore, StoredEvent } from '../durable-store';
import type { CrashRun } from './crash-workflows';

const TERMINAL = /^Execution(Succeeded|Failed|TimedOut|Aborted)$/;
const COMPLETION = /(LambdaFunction|Task)Succeeded$/;

export interface CrashReport {
  readonly executions: number;
  /** Child executions of distributed Maps among them. */
  readonly children: number;
  readonly events: number;
  /** Executions whose history holds a redrive. */
  readonly redriven: number;
  /** Task invocations that started more than once (each time in a different process). */
  readonly reruns: number;
  /**
   * With leases taken from live owners: starts by an owner that had not yet noticed it lost the
   * lease, of an invocation the new owner had already completed. Counted, not a failure.
   */
  readonly staleOwnerStarts: number;
  readonly problems: readonly string[];
}

/**
 * Checks what the crash tests promise: every execution finished with the output of an
 * uninterrupted run, and every child execution of a distributed Map finished too; ids run 1..n with one terminal event, last (and one more before each redrive); no invocation started twice in
 * one process, or more often than the processes that were killed; none started again after its
 * completion had been committed (`committed <arn>#<id>` lines in the effects log).
 */
export async function checkCrashOutcome(
  store: DurableStore,
  runs: readonly CrashRun[],
  expected: ReadonlyMap<string, ExecutionResult>,
  effectLines: readonly string[],
  interruptions: {
    readonly kills: number;
    /** Leases were taken from live owners: one process may then run an invocation again later. */
    readonly leaseSteals?: boolean;
  },
): Promise<CrashReport> {
  const { kills, leaseSteals = false } = interruptions;
  const problems: string[] = [];
  let events = 0;
  let redriven = 0;
  const completedAt = new Map<string, number>();
  const committedLine = new Map<string, number>();
  effectLines.forEach((line, index) => {
    const [kind, what] = line.split(' ');
    if (kind === 'committed' && what) committedLine.set(what, index);
  });
  const runArns = new Set(runs.map((run) => run.executionArn));
  // Distributed Maps' child executions: each must have finished, with a sound history of its own.
  const children = (await store.listExecutions())
    .filter((row) => !runArns.has(row.executionArn))
    .map((row) => ({ name: row.name, arn: row.executionArn, expected: undefined }));
  const checked = [
    ...runs.map((run) => ({ name: run.name, arn: run.executionArn, expected: expected.get(run.name) })),
    ...children,
  ];
  for (const { name, arn, expected: wanted } of checked) {
    const row = await store.getExecution(arn);
    const result = row && resultOf(row);
    if (!result) {
      problems.push(`${name} did not finish (${row?.status ?? 'missing'})`);
      continue;
    }
    if (wanted !== undefined && JSON.stringify(result) !== JSON.stringify(wanted)) {
      problems.push(`${name} ended ${JSON.stringify(result)}, uninterrupted ${JSON.stringify(wanted)}`);
    }
    if (wanted === undefined && result.status !== 'SUCCEEDED') {
      problems.push(`child ${name} ended ${JSON.stringify(result)}`);
    }
    const history = await store.listEvents(arn);
    events += history.length;
    if (history.some((event) => event.type === 'ExecutionRedriven')) redriven++;
    history.forEach((event, i) => {
      if (event.id !== i + 1) problems.push(`${name}: event ${event.id} at index ${i}`);
    });
    problems.push(...endingProblems(name, history));
    for (const event of history) {
      if (!COMPLETION.test(event.type)) continue;
      const key = invocationKey(history, event);
      if (completedAt.has(key)) problems.push(`${key} completed twice`);
      completedAt.set(key, committedLine.get(`${arn}#${event.id}`) ?? Number.POSITIVE_INFINITY);
    }
  }
  const starts = new Map<string, { pid: string; line: number }[]>();
  effectLines.forEach((line, index) => {
    const [kind, key, pid] = line.split(' ');
    if (kind !== 'start' || !key || !pid) return;
    // `<arn>|<position>|<state>|<attempt>[|<redrive count>]`: one invocation per position and redrive.
    const [arn, position, , , redrives = '0'] = key.split('|');
    const prefix = `${arn}|${position}|${redrives}`;
    const list = starts.get(prefix) ?? [];
    list.push({ pid, line: index });
    starts.set(prefix, list);
  });
  let reruns = 0;
  let staleOwnerStarts = 0;
  for (const [key, list] of starts) {
    if (list.length > 1) reruns++;
    if (!leaseSteals) {
      if (new Set(list.map((s) => s.pid)).size !== list.length)
        problems.push(`${key} started twice in one process`);
      if (list.length > kills + 1) problems.push(`${key} started ${list.length} times with ${kills} kills`);
    }
    const committed = completedAt.get(key) ?? Number.POSITIVE_INFINITY;
    const late = list.filter((s) => s.line > committed).length;
    if (late > 0 && leaseSteals) staleOwnerStarts += late;
    else if (late > 0) problems.push(`${key} ran again after its completion was committed`);
  }
  return {
    executions: checked.length,
    children: children.length,
    events,
    redriven,
    reruns,
    staleOwnerStarts,
    problems,
  };
}

/**
 * A history ends with its one terminal event; a redriven one has one more for each redrive, each
 * directly before its `ExecutionRedriven`.
 */
function endingProblems(name: string, history: readonly StoredEvent[]): string[] {
  const terminal = history.filter((e) => TERMINAL.test(e.type)).length;
  const redrives = history.flatMap((e, i) => (e.type === 'ExecutionRedriven' ? [i] : []));
  const sound =
    terminal === redrives.length + 1 &&
    redrives.every((i) => TERMINAL.test(history[i - 1]?.type ?? '')) &&
    TERMINAL.test(history.at(-1)?.type ?? '');
  return sound ? [] : [`${name}: ${terminal} terminal events, ${redrives.length} redrives`];
}

/**
 * `<arn>|<position of the Scheduled event>|<redrives before the completion>`: the invocation a
 * completion ends, as the start lines name it (a redrive runs the failed task again at its position).
 */
function invocationKey(history: readonly StoredEvent[], completion: StoredEvent): string {
  let event: StoredEvent | undefined = completion;
  while (event && !event.type.endsWith('Scheduled')) event = history[event.previousEventId - 1];
  const redrives = history.filter((e) => e.type === 'ExecutionRedriven' && e.id < completion.id).length;
  return `${completion.executionArn}|${event?.position ?? '?'}|${redrives}`;
}
