/** The ARN of a Lambda function by name, in a region and account (placeholders allowed). */
export function lambda(functionName: string, region = 'region', account = 'account-id'): string {
  return `arn:aws:lambda:${region}:${account}:function:${functionName}`;
}

export type IntegrationPattern = 'request-response' | 'sync' | 'sync:2' | 'waitForTaskToken';

/**
 * The resource that starts another state machine: `startExecution`, or
 * `startExecution.sync` / `.sync:2` to wait for it (`:2` returns its output as JSON).
 */
export function startExecution(pattern: IntegrationPattern = 'request-response'): string {
  const suffix = pattern === 'request-response' ? '' : `.${pattern}`;
  return `arn:aws:states:::states:startExecution${suffix}`;
}
