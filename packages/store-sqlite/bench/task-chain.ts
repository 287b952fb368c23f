/** The durable benchmarks' workload: a chain of ten Lambda Tasks, answered by `nextTurn`. */
export const TASKS = 10;
export const fn = 'arn:aws:lambda:us-east-1:123456789012:function:step';

const states: Record<string, object> = {};
for (let i = 0; i < TASKS; i++) {
  states[`T${i}`] = {
    Type: 'Task',
    Resource: fn,
    ...(i === TASKS - 1 ? { End: true } : { Next: `T${i + 1}` }),
  };
}
export const chain = { StartAt: 'T0', States: states };

/**
 * Each task answers on a later turn of the event loop, so every transition is its own commit
 * unless other executions moved in the same turn.
 */
export const nextTurn = (): Promise<unknown> => new Promise((resolve) => setImmediate(resolve));
