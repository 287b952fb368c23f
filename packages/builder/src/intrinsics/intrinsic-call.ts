import { UnsupportedExpressionError } from '../errors';
import { recordOf } from '../refs/recorder';
import { type JsonPathDataRoot, toJsonPath } from '../refs/render-path';

const INTRINSIC = Symbol('stepwise.intrinsic');

/** A call to one of the `States.*` intrinsic functions, recorded at build time. */
export interface IntrinsicCall {
  readonly [INTRINSIC]: true;
  readonly name: string;
  readonly args: readonly unknown[];
}

export function intrinsicCall(name: string, args: readonly unknown[]): IntrinsicCall {
  return { [INTRINSIC]: true, name, args };
}

export function isIntrinsicCall(value: unknown): value is IntrinsicCall {
  return typeof value === 'object' && value !== null && INTRINSIC in value;
}

/** The call as ASL writes it, e.g. `States.Format('Hello {}', $.name)`. */
export function renderIntrinsic(call: IntrinsicCall, dataRoot: JsonPathDataRoot): string {
  const args = call.args.map((arg, i) =>
    // The template of States.Format keeps its `{}` placeholders unescaped.
    renderArgument(
      arg,
      dataRoot,
      call.name,
      call.name === 'States.Format' && i === 0 ? /[\\']/g : /[\\'{}]/g,
    ),
  );
  return `${call.name}(${args.join(', ')})`;
}

function renderArgument(arg: unknown, dataRoot: JsonPathDataRoot, fn: string, escaped: RegExp): string {
  const record = recordOf(arg);
  if (record) return toJsonPath(record, dataRoot);
  if (isIntrinsicCall(arg)) return renderIntrinsic(arg, dataRoot);
  if (typeof arg === 'string') return `'${arg.replace(escaped, (c) => `\\${c}`)}'`;
  if (typeof arg === 'number') {
    if (!Number.isFinite(arg)) throw new UnsupportedExpressionError(`${fn} received a non-finite number.`);
    return String(arg);
  }
  if (typeof arg === 'boolean' || arg === null) return String(arg);
  throw new UnsupportedExpressionError(
    `${fn} received a literal ${Array.isArray(arg) ? 'array' : typeof arg}; intrinsic arguments are paths, strings, numbers, booleans, null or other intrinsic calls.`,
  );
}
