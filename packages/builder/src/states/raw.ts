import type { z } from 'zod';
import { CatchableChain } from '../chain/catchable';
import { Chain } from '../chain/chain';
import { single } from '../chain/graph';
import type { StateType } from '../chain/state-node';
import { UnsupportedExpressionError } from '../errors';
import type { JsonValue, QueryLanguage } from '../types/json';
import type { ErrorHandling } from './error-handling';
import { createNode } from './node-factory';

const TRANSITIONS = ['Next', 'End', 'Type'];
const TERMINAL: readonly string[] = ['Succeed', 'Fail', 'Choice'];
const TYPES: readonly string[] = ['Task', 'Pass', 'Wait', 'Succeed', 'Fail', 'Choice', 'Parallel', 'Map'];

/** The states that take `Retry` and `Catch`. */
type CatchableType = 'Task' | 'Parallel' | 'Map';

/** A state written in ASL, without `Next` and `End`. */
export interface RawState<T extends StateType> {
  readonly Type: T;
  readonly QueryLanguage?: QueryLanguage;
  readonly [field: string]: JsonValue | undefined;
}

export interface RawOptions<OS> {
  /** What the state hands on; without it the output is `unknown`. */
  readonly output?: OS;
  /** Writes the state's `QueryLanguage` even where it equals the workflow's. */
  readonly writeQueryLanguage?: boolean;
}

/** A raw Task, Parallel or Map also takes retriers and catchers, as a typed one does. */
export interface CatchableRawOptions<OS, I, V> extends RawOptions<OS>, ErrorHandling<I, V> {}

type RawOutput<OS> = OS extends z.ZodType ? z.output<OS> : unknown;

/**
 * A state written directly in ASL, for anything the typed builder does not
 * cover. Stepwise cannot see into it, so its output type is the one the
 * `output` schema declares, or `unknown`; it adds `Next`/`End` itself.
 * A raw Task, Parallel or Map takes `retry` and `catch` like a typed one, so
 * its catch handlers are chains; `Retry` or `Catch` written in the ASL are
 * kept, before those (the handlers they name must then exist).
 */
export function raw<I, V, OS extends z.ZodType | undefined = undefined>(
  name: string,
  state: RawState<CatchableType>,
  output?: OS,
): CatchableChain<I, RawOutput<OS>, V, V, never>;
export function raw<I, V, OS extends z.ZodType | undefined = undefined>(
  name: string,
  state: RawState<CatchableType>,
  options: CatchableRawOptions<OS, I, V>,
): CatchableChain<I, RawOutput<OS>, V, V, never>;
export function raw<I, V, OS extends z.ZodType | undefined = undefined>(
  name: string,
  state: RawState<StateType>,
  output?: OS,
): Chain<I, RawOutput<OS>, V, V>;
export function raw<I, V, OS extends z.ZodType | undefined = undefined>(
  name: string,
  state: RawState<StateType>,
  options: RawOptions<OS>,
): Chain<I, RawOutput<OS>, V, V>;
export function raw(
  name: string,
  state: RawState<StateType>,
  output?: unknown,
): Chain<unknown, unknown, unknown, unknown> {
  if (!TYPES.includes(state.Type))
    throw new UnsupportedExpressionError(`State "${name}" has an unknown Type.`);
  if (TERMINAL.includes(state.Type)) {
    throw new UnsupportedExpressionError(
      `State "${name}": a raw ${state.Type} cannot be part of a typed chain.`,
    );
  }
  if ('Next' in state || 'End' in state) {
    throw new UnsupportedExpressionError(`State "${name}": leave Next and End to the chain.`);
  }
  const fields = Object.fromEntries(
    Object.entries(state).filter(
      ([key, value]) => !TRANSITIONS.includes(key) && key !== 'QueryLanguage' && value !== undefined,
    ),
  ) as Record<string, JsonValue>;
  const options: CatchableRawOptions<z.ZodType, never, never> = isSchema(output)
    ? { output }
    : (output ?? {});
  const catchable = ['Task', 'Parallel', 'Map'].includes(state.Type);
  const node = createNode({
    name,
    type: state.Type,
    errorHandling: catchable,
    config: {
      queryLanguage: state.QueryLanguage,
      writeQueryLanguage: options.writeQueryLanguage,
      retry: options.retry,
      catch: options.catch,
    },
    emit: () => structuredClone(fields),
    schemas: options.output ? { result: options.output } : undefined,
  });
  return catchable ? new CatchableChain(node) : new Chain(single(node));
}

/** Zod schemas (like every Standard Schema) carry `~standard`; options objects do not. */
function isSchema(value: unknown): value is z.ZodType {
  return typeof value === 'object' && value !== null && '~standard' in value;
}
