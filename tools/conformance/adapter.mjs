// Conformance adapter: runs a corpus case on the built @stepwise/runtime.
import {
  createRuntime,
  createSeededRandom,
  createVirtualClock,
  TaskFailedError,
} from '../../packages/runtime/dist/index.js';

const EXPRESS_ARN =
  'arn:aws:states:us-east-1:111111111111:express:test_state_machine:test_execution:test-execution-id';
const EXECUTION_ARN = 'arn:aws:states:us-east-1:111111111111:execution:test_state_machine:test_execution';

/** A handler for one of the case's test functions. */
export function handlerFor(spec) {
  switch (spec.kind) {
    case 'echo':
      return (input) => input;
    case 'return':
      return () => spec.value;
    case 'throw':
      return () => {
        throw new TaskFailedError(spec.error, spec.cause);
      };
    default:
      throw new Error(`unknown handler kind ${spec.kind}`);
  }
}

/** The case's test functions, by resource. */
export function handlersOf(testCase) {
  return Object.fromEntries(
    Object.entries(testCase.handlers ?? {}).map(([resource, spec]) => [resource, handlerFor(spec)]),
  );
}

/** Whether the case was recorded on an Express state machine. */
export const isExpress = (testCase) => /EXPRESS/.test(testCase.notes ?? '');

export default async function run(testCase) {
  const handlers = handlersOf(testCase);
  const express = isExpress(testCase);
  const runtime = createRuntime({
    handlers,
    clock: createVirtualClock({ start: Date.parse('2024-01-01T00:00:00Z') }),
    random: createSeededRandom(1),
    region: 'us-east-1',
    accountId: '111111111111',
  });
  const context = testCase.context ?? {};
  let execution;
  try {
    execution = runtime.startExecution(testCase.definition, {
      input: testCase.input,
      name: context.Execution?.Name ?? 'test_execution',
      executionArn: context.Execution?.Id ?? (express ? EXPRESS_ARN : EXECUTION_ARN),
      roleArn: context.Execution?.RoleArn ?? 'arn:aws:iam::111111111111:role/test-sfn-role',
      stateMachineName: context.StateMachine?.Name ?? 'test_state_machine',
      stateMachineArn:
        context.StateMachine?.Id ?? 'arn:aws:states:us-east-1:111111111111:stateMachine:test_state_machine',
      type: express ? 'EXPRESS' : 'STANDARD',
    });
  } catch (error) {
    return { status: 'FAILED', error: 'Stepwise.InvalidDefinition', cause: String(error?.message ?? error) };
  }
  const result = await execution.result();
  return { ...result, events: express ? undefined : execution.history().map(summarise) };
}

/** The fields the runner compares: ids, type, and the state name or iteration index. */
export function summarise(event) {
  const summary = { id: event.id, previousEventId: event.previousEventId, type: event.type };
  const details = event.stateEnteredEventDetails ?? event.stateExitedEventDetails;
  if (details) summary.name = details.name;
  const iteration =
    event.mapIterationStartedEventDetails ??
    event.mapIterationSucceededEventDetails ??
    event.mapIterationFailedEventDetails ??
    event.mapIterationAbortedEventDetails;
  if (iteration) summary.index = iteration.index;
  return summary;
}
