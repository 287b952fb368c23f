/**
 * The durable stores' benchmark workload: a chain of ten Lambda Tasks whose handler (`nextTurn`)
 * answers on a later turn of the event loop, so every transition is its own commit unless other
 * executions moved in the same turn.
 */
export const BENCH_TASKS = 10;
export const benchFunction = 'arn:aws:lambda:us-east-1:123456789012:function:step';

const states: Record<string, object> = {};
for (let i = 0; i < BENCH_TASKS; i++) {
  states[`T${i}`] = {
    Type: 'Task',
    Resource: benchFunction,
    ...(i === BENCH_TASKS - 1 ? { End: true } : { Next: `T${i + 1}` }),
  };
}
export const benchChain = { StartAt: 'T0', States: states };

export const nextTurn = (): Promise<unknown> => new Promise((resolve) => setImmediate(resolve));
