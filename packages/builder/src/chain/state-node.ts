import type { CatchRecord, RetryOptions } from '../states/retry-catch';
import type { JsonValue, QueryLanguage } from '../types/json';
import type { Graph } from './graph';

let created = 0;

/** A stable creation number: compiled states appear in the order the code created them. */
export function nextCreationIndex(): number {
  created += 1;
  return created;
}

/** What a state needs to know while it is written out. */
export interface EmitContext {
  /** The query language the state is written in. */
  readonly language: QueryLanguage;
  /** The workflow's top-level query language (nested scopes inherit it). */
  readonly workflowLanguage: QueryLanguage;
  /** The name of the state a chain starts with, once `goto`s are resolved. */
  nameOf(graph: Graph): string;
  /** A nested scope (Parallel branch, Map processor) as `{ StartAt, States }`. */
  scope(graph: Graph): { StartAt: string; States: Record<string, JsonValue> };
}

export type StateType = 'Task' | 'Pass' | 'Wait' | 'Succeed' | 'Fail' | 'Choice' | 'Parallel' | 'Map';

/** One state, immutable; builder methods return modified copies with the same creation index. */
export interface StateNode {
  readonly index: number;
  readonly name: string;
  readonly type: StateType;
  /** Set when the state requires a language, explicitly or through the fields it uses. */
  readonly language: QueryLanguage | undefined;
  /** Write `QueryLanguage` even where it equals the workflow's. */
  readonly writeLanguage?: boolean;
  /** Succeed, Fail and Choice never take `Next` or `End`. */
  readonly terminal: boolean;
  /** The state's fields, without `Type`, `QueryLanguage`, `Next` or `End`. */
  readonly emit: (context: EmitContext) => Record<string, JsonValue>;
  /** Chains that continue from this state in the same scope (Choice rules, Catch handlers). */
  readonly branches: readonly Graph[];
  /** Chains that form nested scopes (Parallel branches, Map processor). */
  readonly scopes: readonly Graph[];
  /** For a `goto`: the state it stands for, or its name, resolved in the scope being compiled. */
  readonly target?: StateNode | string;
  /** Retriers and catchers (Task, Parallel, Map). */
  readonly retry: readonly RetryOptions[];
  readonly catchers: readonly CatchRecord[];
  /** Per-state zod schemas, for runtime validation. */
  readonly schemas?: { readonly input?: unknown; readonly result?: unknown };
}
