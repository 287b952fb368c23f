/**
 * How an exported value is recognized as a workflow at run time, and turned into ASL.
 *
 * - A builder workflow: what `workflow({...}).start(...)` from @stepwise/builder
 *   returns, an object with `compile()` and `toJSON()` methods. Its ASL is what
 *   `compile()` returns.
 * - A plain ASL definition: an object with a string `StartAt` and an object
 *   `States` (e.g. `export const order = {...} satisfies StateMachineDefinition`).
 *
 * Anything else is not a workflow and is passed over.
 */
export type RecognizedWorkflow =
  | { kind: 'builder'; compile: () => unknown }
  | { kind: 'asl'; definition: unknown };

export function recognizeWorkflow(value: unknown): RecognizedWorkflow | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const candidate = value as { compile?: unknown; toJSON?: unknown; StartAt?: unknown; States?: unknown };
  if (typeof candidate.compile === 'function' && typeof candidate.toJSON === 'function') {
    const compile = candidate.compile as () => unknown;
    return { kind: 'builder', compile: () => compile.call(value) };
  }
  if (
    typeof candidate.StartAt === 'string' &&
    typeof candidate.States === 'object' &&
    candidate.States !== null
  ) {
    return { kind: 'asl', definition: value };
  }
  return undefined;
}
