import { rootRecorder, variablesRecorder } from '../refs/recorder';

/** Which data a selector's first parameter stands for. */
export type DataRole = 'input' | 'result' | 'errorOutput';

type AnySelector = (data: never, context: never, vars: never, input: never) => unknown;

/**
 * Runs a selector once against recorders: `(data, context, vars, input)`.
 * The fourth parameter, where a field offers it, is the state input beside a result.
 */
export function invokeSelector(selector: AnySelector, role: DataRole): unknown {
  const call = selector as unknown as (
    data: unknown,
    context: unknown,
    vars: unknown,
    input: unknown,
  ) => unknown;
  return call(
    rootRecorder({ kind: role }),
    rootRecorder({ kind: 'context' }),
    variablesRecorder(),
    rootRecorder({ kind: 'input' }),
  );
}
