import type { NotSet } from '../chain/catchable';
import { Chain } from '../chain/chain';
import { single } from '../chain/graph';
import type { JsonataExpression } from '../jsonata/expression';
import type { ContextObject } from '../types/context';
import type { QueryLanguage } from '../types/json';
import type { CheckReadPath } from '../types/read-path';
import type { AssignedVars } from './data-flow';
import { defined, literalOrPath, templateField } from './field-emitters';
import { createNode } from './node-factory';
import type { Selector, StringOrPath } from './sources';

type Ctx = ContextObject;

/** `SP`/`TP` capture a path literal given for Seconds/Timestamp (`SecondsPath`/`TimestampPath`). */
export type WaitFor<I, V, SP, TP> =
  | {
      readonly seconds:
        | number
        | Selector<I, V, number>
        | JsonataExpression<number>
        | CheckReadPath<I, V, SP, number>;
      readonly timestamp?: never;
    }
  | {
      readonly timestamp: Selector<I, V, string> | JsonataExpression<string> | StringOrPath<I, V, TP>;
      readonly seconds?: never;
    };

export type WaitConfig<I, V, AS, QL, SP = unknown, TP = unknown> = WaitFor<I, V, SP, TP> & {
  readonly comment?: string;
  readonly queryLanguage?: QL;
  /** Writes `QueryLanguage` on the state even where it equals the workflow's (omitted by default). */
  readonly writeQueryLanguage?: boolean;
  readonly assign?: ((input: I, context: Ctx, vars: V) => AS) | JsonataExpression<AS>;
};

/**
 * A Wait state. `seconds: 10` waits ten seconds; `seconds: (s) => s.delay`
 * waits for a number in the data (`SecondsPath`, or `Seconds` in JSONata).
 */
export function wait<
  I,
  V,
  AS = NotSet,
  const QL extends QueryLanguage | undefined = undefined,
  const SP = never,
  const TP = never,
>(
  name: string,
  config: WaitConfig<I, V, AS, QL, SP, TP>,
): Chain<I, I, V, AssignedVars<V, AS>, QL extends QueryLanguage ? QL : never> {
  const node = createNode({
    name,
    type: 'Wait',
    config: config as Record<string, unknown>,
    emit: ({ language }) => {
      const out = defined({ Comment: config.comment });
      literalOrPath(out, 'Seconds', config.seconds, language);
      literalOrPath(out, 'Timestamp', config.timestamp, language);
      if (config.assign) out.Assign = templateField(config.assign, 'input', 'Assign', language);
      return out;
    },
  });
  return new Chain(single(node));
}

export interface SucceedConfig {
  readonly comment?: string;
  readonly queryLanguage?: QueryLanguage;
  /** Writes `QueryLanguage` on the state even where it equals the workflow's (omitted by default). */
  readonly writeQueryLanguage?: boolean;
}

/** A Succeed state: the execution ends successfully here. */
export function succeed<I, V>(name: string, config: SucceedConfig = {}): Chain<I, never, V, never> {
  const node = createNode({
    name,
    type: 'Succeed',
    config: config as Record<string, unknown>,
    terminal: true,
    emit: () => defined({ Comment: config.comment }),
  });
  return new Chain(single(node));
}
