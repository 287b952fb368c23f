import { createRuntime, type TaskHandler } from '@stepwise/runtime';
import type { Workload } from '../workloads';
import type { Engine, PreparedWorkload } from './engine';

export const stepwiseEngine: Engine = {
  name: 'stepwise',
  prepare(workload: Workload): PreparedWorkload {
    const handlers: Record<string, TaskHandler> = {};
    for (const [resource, handler] of Object.entries(workload.handlers)) {
      handlers[resource] = (input) => handler(input);
    }
    return {
      async run() {
        // A fresh runtime per run, as a service would hold one per process; the
        // definition's compiled plan is cached and reused across runs.
        const runtime = createRuntime({ handlers });
        const executions = Array.from({ length: workload.executions }, () =>
          runtime.startExecution(workload.definition, { input: workload.input, type: workload.type }),
        );
        const results = await Promise.all(executions.map((execution) => execution.result()));
        return results.map((result) => {
          if (result.status !== 'SUCCEEDED')
            throw new Error(`execution ${result.status}: ${JSON.stringify(result)}`);
          return result.output;
        });
      },
    };
  },
};
