import { StatesError } from '../errors/runtime-errors';
import type { TaskHandler } from '../tasks/task-handler';
import type { TaskRegistry } from '../tasks/task-registry';

/**
 * The function `FunctionName` (or a function ARN used as a Resource) names: function names, partial
 * and full ARNs are all accepted, with or without a version or alias qualifier, as Lambda does.
 */
export function resolveFunctionHandler(
  registry: TaskRegistry,
  functionName: string,
  region: string,
  account: string,
) {
  const direct = registry.find(functionName);
  if (direct) return direct;
  const afterFunction = functionName.includes(':function:')
    ? functionName.split(':function:')[1]
    : functionName;
  const name = afterFunction?.split(':')[0];
  if (name === undefined || name === '') return undefined;
  return (
    registry.find(`arn:aws:lambda:${region}:${account}:function:${afterFunction}`) ??
    registry.find(`arn:aws:lambda:${region}:${account}:function:${name}`) ??
    registry.find(name)
  );
}

/** The event a function receives from lambda:invoke's `Payload` parameter. */
export function lambdaPayload(payload: unknown): unknown {
  if (payload === undefined || payload === null) return {};
  if (typeof payload === 'string') {
    // A string Payload is sent as the JSON text it spells.
    try {
      return JSON.parse(payload);
    } catch {
      return payload;
    }
  }
  return payload;
}

export function functionNotFound(functionName: string, region: string, account: string): StatesError {
  const arn = functionName.startsWith('arn:')
    ? functionName
    : `arn:aws:lambda:${region}:${account}:function:${functionName}`;
  return new StatesError(
    'Lambda.ResourceNotFoundException',
    `Function not found: ${arn} (Service: AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException)`,
  );
}

/** What lambda:invoke returns: the function's result wrapped in Lambda's Invoke response. */
export function invokeResponse(
  payload: unknown,
  parameters: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const body = JSON.stringify(payload ?? null);
  const response: Record<string, unknown> = { ExecutedVersion: '$LATEST' };
  if (parameters.LogType === 'Tail') response.LogResult = '';
  response.Payload = payload;
  response.SdkHttpMetadata = {
    AllHttpHeaders: {
      'X-Amz-Executed-Version': ['$LATEST'],
      'x-amzn-Remapped-Content-Length': ['0'],
      Connection: ['keep-alive'],
      'Content-Length': [String(Buffer.byteLength(body))],
      'Content-Type': ['application/json'],
    },
    HttpHeaders: {
      Connection: 'keep-alive',
      'Content-Length': String(Buffer.byteLength(body)),
      'Content-Type': 'application/json',
      'X-Amz-Executed-Version': '$LATEST',
      'x-amzn-Remapped-Content-Length': '0',
    },
    HttpStatusCode: 200,
  };
  response.SdkResponseMetadata = { RequestId: '' };
  response.StatusCode = 200;
  return response;
}

/**
 * `arn:aws:states:::lambda:invoke`: calls the function `FunctionName` names with `Payload` and
 * answers with Lambda's Invoke response. `InvocationType: 'Event'` starts the function and answers
 * at once with status 202 and an empty payload, as Lambda does for asynchronous invocations.
 */
export function lambdaInvokeHandler(registry: TaskRegistry, region: string, account: string): TaskHandler {
  return async (input, context) => {
    const parameters = (input ?? {}) as Readonly<Record<string, unknown>>;
    const functionName = String(parameters.FunctionName);
    const fn = resolveFunctionHandler(registry, functionName, region, account);
    if (!fn) throw functionNotFound(functionName, region, account);
    const event = lambdaPayload(parameters.Payload);
    if (parameters.InvocationType === 'Event') {
      Promise.resolve()
        .then(() => fn(event, context))
        .catch(() => {});
      return { ...invokeResponse('', parameters), StatusCode: 202 };
    }
    return invokeResponse(await fn(event, context), parameters);
  };
}
