import {
  type Branch,
  branchGraph,
  type CatchSpec,
  type HandlerInput,
  type HandlerVars,
  type NotSet,
} from '../chain/catchable';
import type { QueryLanguage } from '../types/json';
import type { CatchRecord, RetryOptions } from './retry-catch';

/**
 * Declares one catcher. Handed to a state's `catch` field so that the
 * handler's input type follows from the state's input and the ResultPath.
 */
export type OnError<I, V> = <
  const RP = NotSet,
  CO = NotSet,
  CA = NotSet,
  O2 = unknown,
  V2 = unknown,
  L2 extends QueryLanguage = never,
>(
  spec: CatchSpec<I, V, RP, CO, CA>,
  handler: Branch<HandlerInput<I, RP, CO>, HandlerVars<V, CA>, O2, V2, L2>,
) => CatchRecord;

/** Retry and Catch, for Task, Parallel and Map states. */
export interface ErrorHandling<I, V> {
  /** Retriers, tried in order. */
  readonly retry?: readonly RetryOptions[];
  /** Catchers, tried in order: `catch: (on) => [on({ errors: ['States.ALL'], resultPath: '$.error' }, handler)]`. */
  readonly catch?: (on: OnError<I, V>) => readonly CatchRecord[];
}

export function catchRecord(
  owner: string,
  spec: CatchSpec<never, never, unknown, unknown, unknown>,
  handler: unknown,
): CatchRecord {
  return {
    errors: spec.errors,
    resultPath: spec.resultPath as string | null | undefined,
    output: spec.output,
    assign: spec.assign,
    comment: spec.comment,
    handler: branchGraph(owner, handler),
  };
}

/** The retriers and catchers a config declares, resolved at build time. */
export function errorHandlingOf(owner: string, config: ErrorHandling<never, never>) {
  const on = ((spec: CatchSpec<never, never, unknown, unknown, unknown>, handler: unknown) =>
    catchRecord(owner, spec, handler)) as unknown as OnError<never, never>;
  const catchers = config.catch ? config.catch(on) : [];
  return { retry: config.retry ?? [], catchers, handlers: catchers.map((c) => c.handler) };
}
