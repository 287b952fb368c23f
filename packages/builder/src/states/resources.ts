/** The ARN of a Lambda function by name, in a region and account (placeholders allowed). */
export function lambda(functionName: string, region = 'region', account = 'account-id'): string {
  return `arn:aws:lambda:${region}:${account}:function:${functionName}`;
}

export type IntegrationPattern = 'request-response' | 'sync' | 'sync:2' | 'waitForTaskToken';
