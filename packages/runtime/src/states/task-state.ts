import { compileJsonata } from '../dataflow/jsonata-expressions';
import { compileJsonataIo, jsonataOutput, jsonataScope } from '../dataflow/jsonata-io';
import {
  compilePathIo,
  effectiveInput,
  outputFromResult,
  type PathIo,
  pathScope,
} from '../dataflow/jsonpath-io';
import type { Frame } from '../engine/run-context';
import { stateContext } from '../engine/state-context';
import { withErrorHandling } from '../engine/with-error-handling';
import { compileCatchers } from '../errors/catch-policy';
import { compileRetriers } from '../errors/retry-policy';
import {
  type CompileContext,
  type CompiledState,
  isPromise,
  type RawState,
  type StateEntry,
  type StepResult,
} from '../plan/compiled-state';
import { nextOf, queryLanguageOf, stringField } from '../plan/raw-fields';
import { invokeTask } from '../tasks/invoke-task';
import { compileSeconds } from './task-timing';

export function compileTaskState(name: string, raw: RawState, ctx: CompileContext): CompiledState {
  const ql = queryLanguageOf(raw, ctx.queryLanguage);
  const next = nextOf(raw);
  const jsonata = ql === 'JSONata';
  const resourceSource = stringField(raw, 'Resource') ?? '';
  const resource =
    jsonata && resourceSource.startsWith('{%') ? compileJsonata(resourceSource, 'Resource') : undefined;
  const pathIo = jsonata ? undefined : compilePathIo(raw);
  const jsonataIo = jsonata ? compileJsonataIo(raw) : undefined;
  const timeout = compileSeconds(raw, 'TimeoutSeconds', ql);
  const heartbeat = compileSeconds(raw, 'HeartbeatSeconds', ql);
  const retriers = compileRetriers(raw.Retry);
  const catchers = compileCatchers(raw.Catch, ql);

  /** JSONPath: everything before and after the call is synchronous, so only the call awaits. */
  function pathAttempt(frame: Frame, entry: StateEntry, retryCount: number, io: PathIo): Promise<StepResult> {
    const taskToken = frame.run.nextTaskToken(frame.lane);
    const context = stateContext(frame, entry, { retryCount, taskToken });
    const input = effectiveInput(io, frame, entry.input, context);
    const pScope = pathScope(frame, entry.input, context);
    const timeoutSeconds = timeout(pScope, undefined);
    const heartbeatSeconds = heartbeat(pScope, undefined);
    if (isPromise(timeoutSeconds) || isPromise(heartbeatSeconds))
      throw new TypeError('JSONPath timeouts are read synchronously.');
    return invokeTask(frame, {
      resource: resourceSource,
      input,
      stateName: name,
      attempt: retryCount,
      timeoutSeconds,
      heartbeatSeconds,
      taskToken,
      contextObject: context,
    }).then((result) => {
      const { output, assigned } = outputFromResult(io, frame, entry.input, result, context);
      return { output, next, assigned };
    });
  }

  async function jsonataAttempt(frame: Frame, entry: StateEntry, retryCount: number): Promise<StepResult> {
    const taskToken = frame.run.nextTaskToken(frame.lane);
    const context = stateContext(frame, entry, { retryCount, taskToken });
    const jScope = jsonataScope(frame, entry.input, context);
    const input = jsonataIo?.arguments ? await jsonataIo.arguments(jScope) : entry.input;
    const pScope = pathScope(frame, entry.input, context);
    const timeoutSeconds = await timeout(pScope, jScope);
    const heartbeatSeconds = await heartbeat(pScope, jScope);
    const result = await invokeTask(frame, {
      resource: resource ? String(await resource(jScope)) : resourceSource,
      input,
      stateName: name,
      attempt: retryCount,
      timeoutSeconds,
      heartbeatSeconds,
      taskToken,
      contextObject: context,
    });
    const outcome = await jsonataOutput(
      jsonataIo ?? { output: undefined, assign: undefined },
      jsonataScope(frame, entry.input, context, { result }),
      result,
    );
    return { output: outcome.output, next, assigned: outcome.assigned };
  }

  const attempt = (frame: Frame, entry: StateEntry, retryCount: number): Promise<StepResult> =>
    pathIo ? pathAttempt(frame, entry, retryCount, pathIo) : jsonataAttempt(frame, entry, retryCount);

  return {
    name,
    kind: 'Task',
    execute(frame, entry) {
      return withErrorHandling(
        frame,
        entry,
        {
          kind: 'Task',
          retriers,
          catchers,
          context: (retryCount) => stateContext(frame, entry, { retryCount }),
        },
        (retryCount) => attempt(frame, entry, retryCount),
      );
    },
  };
}
