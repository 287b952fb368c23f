import type { Clock } from '../clock/clock';
import type {
  HistoryJournal,
  HistoryRecorder,
  JournalEvent,
  Lane,
  PriorEvent,
} from '../history/history-recorder';
import type { ChildStarter } from '../integrations/start-execution';
import type { ChildExecutionRunner } from '../map/child-executions';
import type { RandomSource } from '../random/random';

/**
 * What the engine asks of a durable execution: where its events go, what it recorded before a
 * restart, and the per-execution clock, randomness and task tokens that make a resumed run take
 * the same path it took before.
 */
export interface ExecutionJournal extends HistoryJournal {
  /** When the execution first started; a resumed execution keeps its start time. */
  readonly startTime: number;
  /** When the execution was last redriven, if it was: the machine's TimeoutSeconds counts from then. */
  readonly redrivenAt?: number;
  readonly clock: Clock;
  readonly random: RandomSource;
  /**
   * A draw fixed by `lane`'s next position: the same after a resume, whatever order branches that
   * draw at once take then (a retry's jitter draws here).
   */
  randomAt(lane: Lane): number;
  /**
   * When the latest heartbeat stored for a token was sent, as the store held it when the execution
   * resumed: a heartbeat sent while no runtime ran the execution counts from then, not from the
   * resume. Unset when none was stored.
   */
  readonly storedHeartbeatAt?: (token: string) => number | undefined;
  readonly uuid: () => string;
  /** Events recorded before the restart (ids 1..n) and their positions. */
  readonly prior: { readonly events: readonly PriorEvent[]; readonly positions: readonly string[] };
  /** Receives each new event with its position. */
  recorded(event: JournalEvent): void;
  /**
   * Reserves the task token of the invocation about to be scheduled on `lane` (the same after a
   * resume) and returns what makes it: hashing it is left until something reads it.
   */
  taskToken(lane: Lane): () => string;
  /** Counts `work` as the execution running until it settles (see RunContext.busyWhile). */
  readonly busyWhile?: <T>(work: Promise<T>) => Promise<T>;
  /** Called once the execution's recorder exists. */
  attach(recorder: HistoryRecorder): void;
  /** Runs a distributed Map's STANDARD children as durable executions of their own. */
  readonly children?: ChildExecutionRunner;
  /** Starts nested executions (states:startExecution) as durable executions of their own. */
  readonly nested?: ChildStarter;
}
