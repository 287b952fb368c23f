import type { JsonataChoiceState, JsonPathChoiceState } from './choice-state';
import type { ProcessorConfig } from './map-config';
import type { JsonataMapState, JsonPathMapState } from './map-state';
import type { JsonataParallelState, JsonPathParallelState } from './parallel-state';
import type { JsonataPassState, JsonPathPassState } from './pass-state';
import type { QueryLanguage } from './query-language';
import type { JsonataTaskState, JsonPathTaskState } from './task-state';
import type {
  JsonataFailState,
  JsonataSucceedState,
  JsonPathFailState,
  JsonPathSucceedState,
} from './terminal-states';
import type { JsonataWaitState, JsonPathWaitState } from './wait-state';

export type JsonPathState =
  | JsonPathPassState
  | JsonPathTaskState
  | JsonPathChoiceState
  | JsonPathWaitState
  | JsonPathSucceedState
  | JsonPathFailState
  | JsonPathParallelState
  | JsonPathMapState;

/** `L` is the language of the enclosing machine, inherited by nested Parallel/Map machines. */
export type JsonataState<L extends QueryLanguage = QueryLanguage> =
  | JsonataPassState
  | JsonataTaskState
  | JsonataChoiceState
  | JsonataWaitState
  | JsonataSucceedState
  | JsonataFailState
  | JsonataParallelState<L>
  | JsonataMapState<L>;

/** A JSONata state inside a JSONPath machine must opt in with `QueryLanguage: 'JSONata'`. */
export type OptedInJsonataState<S> = S extends unknown ? S & { QueryLanguage: 'JSONata' } : never;

/**
 * The states allowed in a machine whose default language is `L`. AWS lets a
 * JSONPath machine switch single states to JSONata, never the reverse.
 */
export type StateIn<L extends QueryLanguage> = L extends 'JSONata'
  ? JsonataState<'JSONata'>
  : JsonPathState | OptedInJsonataState<JsonataState<'JSONPath'>>;

/** Any state of either language. */
export type State = StateIn<QueryLanguage>;

/** The machine run by a Parallel branch or a Map iteration. */
export interface NestedStateMachine<L extends QueryLanguage = QueryLanguage> {
  StartAt: string;
  States: Record<string, StateIn<L>>;
  Comment?: string;
}

export type Branch<L extends QueryLanguage = QueryLanguage> = NestedStateMachine<L>;

/** A Map's processor: a nested machine plus how its iterations run. */
export interface ItemProcessor<L extends QueryLanguage = QueryLanguage> extends NestedStateMachine<L> {
  ProcessorConfig?: ProcessorConfig;
}

interface StateMachineBase {
  Comment?: string;
  StartAt: string;
  TimeoutSeconds?: number;
  Version?: string;
}

/** A machine whose states default to JSONPath (the default when `QueryLanguage` is absent). */
export interface JsonPathStateMachine extends StateMachineBase {
  QueryLanguage?: 'JSONPath';
  States: Record<string, StateIn<'JSONPath'>>;
}

/** A machine whose states all use JSONata. */
export interface JsonataStateMachine extends StateMachineBase {
  QueryLanguage: 'JSONata';
  States: Record<string, StateIn<'JSONata'>>;
}

/** A complete Amazon States Language definition. */
export type StateMachineDefinition = JsonPathStateMachine | JsonataStateMachine;
