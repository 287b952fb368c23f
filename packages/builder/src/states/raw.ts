import type { z } from 'zod';
import { Chain } from '../chain/chain';
import { single } from '../chain/graph';
import type { StateType } from '../chain/state-node';
import { UnsupportedExpressionError } from '../errors';
import type { JsonValue, QueryLanguage } from '../types/json';
import { createNode } from './node-factory';

const TRANSITIONS = ['Next', 'End', 'Type'];
const TERMINAL: readonly string[] = ['Succeed', 'Fail', 'Choice'];
const TYPES: readonly string[] = ['Task', 'Pass', 'Wait', 'Succeed', 'Fail', 'Choice', 'Parallel', 'Map'];

/**
 * A state written directly in ASL, for anything the typed builder does not
 * cover. Stepwise cannot see into it, so its output type is the one the
 * `output` schema declares, or `unknown`; it adds `Next`/`End` itself.
 */
export function raw<I, V, OS extends z.ZodType | undefined = undefined>(
  name: string,
  state: {
    readonly Type: StateType;
    readonly QueryLanguage?: QueryLanguage;
    readonly [field: string]: JsonValue | undefined;
  },
  output?: OS,
): Chain<I, OS extends z.ZodType ? z.output<OS> : unknown, V, V> {
  if (!TYPES.includes(state.Type))
    throw new UnsupportedExpressionError(`State "${name}" has an unknown Type.`);
  if (TERMINAL.includes(state.Type)) {
    throw new UnsupportedExpressionError(
      `State "${name}": a raw ${state.Type} cannot be part of a typed chain.`,
    );
  }
  const fields = Object.fromEntries(
    Object.entries(state).filter(
      ([key, value]) => !TRANSITIONS.includes(key) && key !== 'QueryLanguage' && value !== undefined,
    ),
  ) as Record<string, JsonValue>;
  if ('Next' in state || 'End' in state) {
    throw new UnsupportedExpressionError(`State "${name}": leave Next and End to the chain.`);
  }
  const node = createNode({
    name,
    type: state.Type,
    config: { queryLanguage: state.QueryLanguage },
    emit: () => structuredClone(fields),
    schemas: output ? { result: output } : undefined,
  });
  return new Chain(single(node));
}
