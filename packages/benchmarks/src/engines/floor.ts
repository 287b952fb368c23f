import type { Workload } from '../workloads';
import type { Engine, PreparedWorkload } from './engine';

type ChainState = { Type?: string; Resource?: string; Next?: string };

/** The Task resources of a definition that is one straight chain of Task states, in order. */
function taskChainResources(workload: Workload): string[] | undefined {
  const states = workload.definition.States as Record<
    string,
    { Type?: string; Resource?: string; Next?: string }
  >;
  const resources: string[] = [];
  let name: string | undefined = workload.definition.StartAt;
  while (name !== undefined) {
    const state: ChainState | undefined = states[name];
    if (state?.Type !== 'Task' || state.Resource === undefined) return undefined;
    resources.push(state.Resource);
    name = state.Next;
  }
  return resources;
}

/**
 * Not a runtime: the least work any runtime must do for a chain of Tasks. Each step calls and
 * awaits the handler and keeps the five timestamped entries AWS records per Task (entered,
 * scheduled, started, succeeded, exited), with no ASL, no data flow, no error handling. It shows
 * how far above the anchor a real runtime could possibly go on this workload.
 */
export const floorEngine: Engine = {
  name: 'floor',
  prepare(workload: Workload): PreparedWorkload {
    const resources = taskChainResources(workload);
    if (resources === undefined) throw new Error(`${workload.name} is not a chain of Task states`);
    const handlers = resources.map((resource) => workload.handlers[resource]);
    const execute = async (input: unknown): Promise<unknown> => {
      const events: unknown[] = [];
      let value = input;
      for (const handler of handlers) {
        if (handler === undefined) throw new Error('a Task of the chain has no handler');
        events.push(Date.now(), 'TaskStateEntered', value);
        events.push(Date.now(), 'LambdaFunctionScheduled', value);
        events.push(Date.now(), 'LambdaFunctionStarted', undefined);
        value = await handler(value);
        events.push(Date.now(), 'LambdaFunctionSucceeded', value);
        events.push(Date.now(), 'TaskStateExited', value);
      }
      return value;
    };
    return {
      run: () => Promise.all(Array.from({ length: workload.executions }, () => execute(workload.input))),
    };
  },
};

/** Whether the floor applies: the workload is a chain of Tasks. */
export const hasFloor = (workload: Workload): boolean => taskChainResources(workload) !== undefined;
