import { Chain } from '../chain/chain';
import { single } from '../chain/graph';
import { isIntrinsicCall, renderIntrinsic } from '../intrinsics/intrinsic-call';
import type { JsonataExpression } from '../jsonata/expression';
import { invokeSelector } from '../template/invoke';
import type { JsonValue, QueryLanguage } from '../types/json';
import { defined, literalOrPath } from './field-emitters';
import { createNode } from './node-factory';
import type { Selector, StringOrPath } from './sources';

export interface FailConfig<I, V, EP = unknown, CP = unknown> {
  readonly comment?: string;
  /**
   * The error name: literal, or read from the data (`ErrorPath`); a string
   * starting with `$` is a path. In JSONPath a selector may also return an
   * intrinsic call: `(s) => States.Format('E{}', s.code)`.
   */
  readonly error?: Selector<I, V, string> | JsonataExpression<string> | StringOrPath<I, V, EP>;
  /** The cause, written like `error` (`Cause` or `CausePath`). */
  readonly cause?: Selector<I, V, string> | JsonataExpression<string> | StringOrPath<I, V, CP>;
  readonly queryLanguage?: QueryLanguage;
  /** Writes `QueryLanguage` on the state even where it equals the workflow's (omitted by default). */
  readonly writeQueryLanguage?: boolean;
}

/** A Fail state: the execution fails with an error name and a cause. */
export function fail<I, V, const EP = never, const CP = never>(
  name: string,
  config: FailConfig<I, V, EP, CP> = {},
): Chain<I, never, V, never> {
  const node = createNode({
    name,
    type: 'Fail',
    config: config as Record<string, unknown>,
    terminal: true,
    emit: ({ language }) => {
      const out = defined({ Comment: config.comment });
      errorField(out, 'Error', config.error, language);
      errorField(out, 'Cause', config.cause, language);
      return out;
    },
  });
  return new Chain(single(node));
}

/** `ErrorPath` and `CausePath` are the JSONPath fields that also take an intrinsic call. */
function errorField(
  out: Record<string, JsonValue>,
  key: 'Error' | 'Cause',
  value: unknown,
  language: QueryLanguage,
): void {
  if (typeof value === 'function' && language === 'JSONPath') {
    const selected = invokeSelector(value as (data: never) => unknown, 'input');
    if (isIntrinsicCall(selected)) {
      out[`${key}Path`] = renderIntrinsic(selected, 'input');
      return;
    }
  }
  literalOrPath(out, key, value, language);
}
