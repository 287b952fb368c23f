import type { JsonPath } from '../path';
import { evaluateIntrinsic } from './evaluate-intrinsic';
import type { IntrinsicEnvironment } from './intrinsic-ast';
import { parseIntrinsic } from './parse-intrinsic';

/**
 * Test helper: resolves plain dotted paths (`$.a.b`, `$$.Execution.Name`, `$var.a`) against
 * fixed documents, which is all the intrinsic tests need.
 */
export function dottedPathEnvironment(
  input: unknown,
  context: unknown = {},
  variables: Readonly<Record<string, unknown>> = {},
  extra: Partial<IntrinsicEnvironment> = {},
): IntrinsicEnvironment {
  return {
    ...extra,
    resolvePath(_path: JsonPath, source: string): unknown {
      const [head = '', ...rest] = source.split('.');
      let value: unknown = head === '$' ? input : head === '$$' ? context : variables[head.slice(1)];
      for (const key of rest) value = (value as Record<string, unknown> | undefined)?.[key];
      return value;
    },
  };
}

export function run(source: string, input: unknown = {}, extra: Partial<IntrinsicEnvironment> = {}): unknown {
  return evaluateIntrinsic(parseIntrinsic(source), dottedPathEnvironment(input, {}, {}, extra));
}
