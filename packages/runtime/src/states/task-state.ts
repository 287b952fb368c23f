import { compileJsonata } from '../dataflow/jsonata-expressions';
import { compileJsonataIo, jsonataResultStep, jsonataScope } from '../dataflow/jsonata-io';
import {
  compilePathIo,
  effectiveInput,
  outputFromResult,
  type PathIo,
  pathScope,
} from '../dataflow/jsonpath-io';
import type { Frame } from '../engine/run-context';
import { stateContext } from '../engine/state-context';
import { type ErrorHandling, errorHandled } from '../engine/with-error-handling';
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
import { nextOf, queryLanguageOf, readsContext, stringField } from '../plan/raw-fields';
import { invokeTask, type TaskFinish, TaskRoute } from '../tasks/invoke-task';
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

  // A fixed resource is routed once; a JSONata-computed one on each attempt.
  const needsContext = readsContext(raw);
  // TimeoutSeconds and HeartbeatSeconds given as numbers (or not at all) need no scope to read.
  const fixedSeconds = raw.TimeoutSecondsPath === undefined && raw.HeartbeatSecondsPath === undefined;
  const fixedRoute = resource === undefined ? new TaskRoute(resourceSource, name) : undefined;

  const finishPath: TaskFinish<StepResult> = (frame, call, result) =>
    outputFromResult(pathIo as PathIo, frame, call.entry.input, result, call.contextObject, next);

  /** JSONPath: everything before and after the call is synchronous, so only the call awaits. */
  function pathAttempt(frame: Frame, entry: StateEntry, retryCount: number, io: PathIo): Promise<StepResult> {
    // Without a `$$` in the state, only the handler might read the context or the token: both
    // are made then. A durable execution's token depends on the lane's place: it is reserved now.
    const taskToken = needsContext
      ? frame.run.nextTaskToken(frame.lane)
      : frame.run.reserveTaskToken?.(frame.lane);
    const context = needsContext
      ? stateContext(frame, entry, { retryCount, taskToken: taskToken as string })
      : undefined;
    const input = effectiveInput(io, frame, entry.input, context);
    const pScope = fixedSeconds ? undefined : pathScope(frame, entry.input, context);
    const timeoutSeconds = timeout(pScope, undefined);
    const heartbeatSeconds = heartbeat(pScope, undefined);
    if (isPromise(timeoutSeconds) || isPromise(heartbeatSeconds))
      throw new TypeError('JSONPath timeouts are read synchronously.');
    return invokeTask(
      frame,
      {
        entry,
        resource: resourceSource,
        input,
        stateName: name,
        attempt: retryCount,
        timeoutSeconds,
        heartbeatSeconds,
        taskToken,
        // The first attempt is scheduled in the same synchronous step that entered the state.
        startedAt: retryCount === 0 ? entry.enteredAt : undefined,
        contextObject: context,
      },
      fixedRoute as TaskRoute,
      finishPath,
    );
  }

  async function jsonataAttempt(frame: Frame, entry: StateEntry, retryCount: number): Promise<StepResult> {
    const taskToken = frame.run.nextTaskToken(frame.lane);
    const context = stateContext(frame, entry, { retryCount, taskToken });
    const jScope = jsonataScope(frame, entry.input, context);
    const input = jsonataIo?.arguments ? await jsonataIo.arguments(jScope) : entry.input;
    const pScope = pathScope(frame, entry.input, context);
    const timeoutSeconds = await timeout(pScope, jScope);
    const heartbeatSeconds = await heartbeat(pScope, jScope);
    const target = resource ? String(await resource(jScope)) : resourceSource;
    const result = await invokeTask(
      frame,
      {
        entry,
        resource: target,
        input,
        stateName: name,
        attempt: retryCount,
        timeoutSeconds,
        heartbeatSeconds,
        taskToken,
        startedAt: undefined,
        contextObject: context,
      },
      fixedRoute ?? new TaskRoute(target, name),
      (_frame, _call, value) => value,
    );
    return jsonataResultStep(jsonataIo, frame, entry.input, context, result, next);
  }

  const handling: ErrorHandling = {
    kind: 'Task',
    retriers,
    catchers,
    attempt: pathIo
      ? (frame, entry, retryCount) => pathAttempt(frame, entry, retryCount, pathIo)
      : jsonataAttempt,
  };

  return {
    name,
    kind: 'Task',
    ...errorHandled(handling),
  };
}
