import { type RunOptions, StateMachine } from 'aws-local-stepfunctions';
import type { Workload } from '../workloads';
import type { Engine, PreparedWorkload } from './engine';

/**
 * aws-local-stepfunctions 3.0.0 calls `Promise.withResolvers`, which Node 20 lacks
 * (it arrived in Node 22); this polyfill lets it run here and is only installed when missing.
 */
function polyfillPromiseWithResolvers(): boolean {
  const promise = Promise as PromiseConstructor & { withResolvers?: unknown };
  if (typeof promise.withResolvers === 'function') return false;
  promise.withResolvers = <T>() => {
    let resolve!: (value: T | PromiseLike<T>) => void;
    let reject!: (reason?: unknown) => void;
    const created = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise: created, resolve, reject };
  };
  return true;
}

export const promiseWithResolversPolyfilled = polyfillPromiseWithResolvers();

export const anchorEngine: Engine = {
  name: 'aws-local-stepfunctions',
  prepare(workload: Workload): PreparedWorkload {
    const machine = new StateMachine(workload.definition as never, {
      validationOptions: { checkPaths: false, checkArn: false },
    });
    type LocalHandlers = NonNullable<NonNullable<RunOptions['overrides']>['taskResourceLocalHandlers']>;
    const taskResourceLocalHandlers: LocalHandlers = {};
    for (const [name, state] of Object.entries(workload.definition.States)) {
      const resource = (state as { Resource?: string }).Resource;
      const handler = resource === undefined ? undefined : workload.handlers[resource];
      if (handler) taskResourceLocalHandlers[name] = handler as LocalHandlers[string];
    }
    return {
      run: () =>
        Promise.all(
          Array.from(
            { length: workload.executions },
            () => machine.run(workload.input as never, { overrides: { taskResourceLocalHandlers } }).result,
          ),
        ),
    };
  },
};
