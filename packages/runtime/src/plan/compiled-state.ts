import type { Frame } from '../engine/run-context';
import type { PayloadTag } from '../history/event-tag';

export type StateKind = 'Pass' | 'Task' | 'Choice' | 'Wait' | 'Succeed' | 'Fail' | 'Parallel' | 'Map';
export type QueryLanguage = 'JSONPath' | 'JSONata';

/** A state definition as written; fields are read and checked while compiling. */
export type RawState = Readonly<Record<string, unknown>>;

export interface RawGraph {
  readonly StartAt: string;
  readonly States: Readonly<Record<string, RawState>>;
  readonly QueryLanguage?: QueryLanguage;
  readonly TimeoutSeconds?: number;
}

/** What a state knows about its own entry. */
export interface StateEntry {
  readonly name: string;
  readonly input: unknown;
  readonly enteredEventId: number;
  /** The `previousEventId` of the entered event; AWS links some failure events to it. */
  readonly enteredPrev: number;
  /** When the state was entered (ms since the epoch); formatted only if `$$` is read. */
  readonly enteredAt: number;
}

export interface StepResult {
  readonly output: unknown;
  /** The next state, or undefined when the chain ends here. */
  readonly next: string | undefined;
  /** Variables the state assigns, applied once the state exits. */
  readonly assigned?: Readonly<Record<string, unknown>>;
}

/** Synchronous when nothing in the state awaits, so Pass-heavy chains never touch the microtask queue. */
export type StepOutcome = StepResult | Promise<StepResult>;

export interface CompiledState {
  readonly name: string;
  readonly kind: StateKind;
  /** Runs the state (its first attempt, for a state with Retry and Catch). */
  execute(frame: Frame, entry: StateEntry): StepOutcome;
  /**
   * Takes over once `execute` has failed, for states with Retry and Catch: retries, then a
   * catcher or the failure. Kept apart from `execute` so the first attempt, which nearly always
   * succeeds, costs no promise of its own.
   */
  recover?(frame: Frame, entry: StateEntry, error: unknown): Promise<StepResult>;
}

/** A compiled state with the tags of its entered and exited events, made once with the plan. */
export interface PlannedState extends CompiledState {
  readonly entered: PayloadTag;
  /** Undefined for a Fail state, which has no exited event. */
  readonly exited: PayloadTag | undefined;
}

export interface CompiledGraph {
  readonly startAt: string;
  readonly states: ReadonlyMap<string, PlannedState>;
}

/** Passed to each state's compiler so nested graphs (branches, item processors) compile the same way. */
export interface CompileContext {
  readonly queryLanguage: QueryLanguage;
  compileGraph(graph: RawGraph, queryLanguage: QueryLanguage): CompiledGraph;
}

export function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}
