import { PayloadTag } from '../history/event-tag';
import type { HistoryEventType } from '../history/history-event';
import { compileChoiceState } from '../states/choice-state';
import { compileFailState } from '../states/fail-state';
import { compileMapState } from '../states/map-state';
import { compileParallelState } from '../states/parallel-state';
import { compilePassState } from '../states/pass-state';
import { compileSucceedState } from '../states/succeed-state';
import { compileTaskState } from '../states/task-state';
import { compileWaitState } from '../states/wait-state';
import type {
  CompileContext,
  CompiledGraph,
  CompiledState,
  PlannedState,
  QueryLanguage,
  RawGraph,
  RawState,
  StateKind,
} from './compiled-state';

type StateCompiler = (name: string, raw: RawState, ctx: CompileContext) => CompiledState;

const COMPILERS: Readonly<Record<StateKind, StateCompiler>> = {
  Pass: compilePassState,
  Task: compileTaskState,
  Choice: compileChoiceState,
  Wait: compileWaitState,
  Succeed: compileSucceedState,
  Fail: compileFailState,
  Parallel: compileParallelState,
  Map: compileMapState,
};

/** A definition turned into executable form: every path, template and expression parsed once. */
export interface ExecutionPlan {
  readonly graph: CompiledGraph;
  readonly timeoutSeconds: number | undefined;
  /**
   * How many events the latest execution of this definition recorded: the next one's history is
   * sized for as many, up to one chunk (see EventColumns).
   */
  expectedEvents: number;
}

const plans = new WeakMap<object, ExecutionPlan>();

/** Compiles a definition, or returns the plan already made for this very object. */
export function planFor(definition: RawGraph): ExecutionPlan {
  const cached = plans.get(definition);
  if (cached) return cached;
  const plan: ExecutionPlan = {
    graph: compileGraph(definition, definition.QueryLanguage === 'JSONata' ? 'JSONata' : 'JSONPath'),
    timeoutSeconds: typeof definition.TimeoutSeconds === 'number' ? definition.TimeoutSeconds : undefined,
    expectedEvents: 0,
  };
  plans.set(definition, plan);
  return plan;
}

function compileGraph(graph: RawGraph, queryLanguage: QueryLanguage): CompiledGraph {
  const ctx: CompileContext = { queryLanguage, compileGraph };
  const states = new Map<string, PlannedState>();
  for (const name of Object.keys(graph.States)) {
    const raw = graph.States[name] as RawState;
    const compile = COMPILERS[raw.Type as StateKind];
    if (compile === undefined)
      throw new TypeError(`The state '${name}' has an unknown type '${String(raw.Type)}'.`);
    states.set(name, planned(compile(name, raw, ctx)));
  }
  return { startAt: graph.StartAt, states };
}

function planned(state: CompiledState): PlannedState {
  const exited = EXITED[state.kind];
  return {
    ...state,
    entered: new PayloadTag(`${state.kind}StateEntered`, 'input', state.name),
    exited: exited && new PayloadTag(exited, 'output', state.name),
  };
}

/** Every state but Fail records an exited event. */
const EXITED: Readonly<Record<StateKind, HistoryEventType | undefined>> = {
  Pass: 'PassStateExited',
  Task: 'TaskStateExited',
  Choice: 'ChoiceStateExited',
  Wait: 'WaitStateExited',
  Succeed: 'SucceedStateExited',
  Fail: undefined,
  Parallel: 'ParallelStateExited',
  Map: 'MapStateExited',
};
