import { StatesError, TaskFailedError } from '../errors/runtime-errors';
import type { TaskContext, TaskHandler, TaskHandlerRoute } from '../tasks/task-handler';

/** A Lambda function's code: receives the event, returns the payload. Throw to fail as Lambda does. */
export type LambdaFunction = (event: unknown, context: TaskContext) => unknown;

/** Functions by name: `{ ValidateOrder: async (event) => ({ valid: true }) }`. */
export type LambdaFunctions = Readonly<Record<string, LambdaFunction>>;

/**
 * Registers a function under its name so that every way of naming it reaches it: the bare name, a
 * partial or full ARN, each with or without a version or alias qualifier; both as a Task's
 * `Resource` and as lambda:invoke's `FunctionName`.
 */
export function lambda(name: string, fn: LambdaFunction): TaskHandlerRoute {
  const bare = name.includes(':function:') ? (name.split(':function:')[1]?.split(':')[0] ?? name) : name;
  const escaped = bare.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return {
    resource: new RegExp(`^(?:(?:arn:aws[\\w-]*:lambda:[^:]+:)?\\d{12}:function:)?${escaped}(?::[\\w$-]+)?$`),
    handler: asLambdaHandler(fn),
  };
}

/**
 * Runs a function and turns what it throws into the error Step Functions reports for a function
 * error: the error's type as the name and Lambda's error payload as the cause.
 */
export function asLambdaHandler(fn: LambdaFunction): TaskHandler {
  return async (event, context) => {
    try {
      return await fn(event, context);
    } catch (thrown) {
      throw lambdaFailure(thrown);
    }
  };
}

export function lambdaFailure(thrown: unknown): StatesError {
  try {
    return describedFailure(thrown);
  } catch {
    // Its name, message or JSON ran code of its own that threw (a getter, a Proxy, a cycle).
    return new TaskFailedError(
      'Lambda.Unknown',
      'The cause could not be determined because the function threw a value that cannot be turned into text.',
    );
  }
}

function describedFailure(thrown: unknown): StatesError {
  if (thrown instanceof StatesError) return thrown;
  if (thrown instanceof Error) {
    const errorType = thrown.name || 'Error';
    const trace = (thrown.stack ?? '').split('\n').filter((line) => line.length > 0);
    const payload = { errorType, errorMessage: thrown.message, trace };
    return new TaskFailedError(errorType, JSON.stringify(payload));
  }
  // Lambda reports a payload without an errorType as an error it cannot name.
  return new TaskFailedError(
    'Lambda.Unknown',
    `The cause could not be determined because Lambda did not return an error type. Returned payload: ${JSON.stringify(thrown ?? null)}`,
  );
}
