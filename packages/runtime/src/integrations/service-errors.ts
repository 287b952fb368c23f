import { ErrorNames } from '../errors/error-names';
import { StatesError } from '../errors/runtime-errors';
import type { ParsedResource } from './resource-arn';

/**
 * The service names AWS puts in front of SDK exception names: the service's SDK id without spaces
 * (`SQS.QueueDoesNotExistException`, `SecretsManager.ResourceNotFoundException`). DynamoDB is the
 * odd one: its aws-sdk errors say `DynamoDb`, its optimized integration's say `DynamoDB`. A map,
 * being looked up by the name a resource gives, which may be `constructor`.
 */
const SERVICE_IDS = new Map<string, string>(
  Object.entries({
    apigateway: 'APIGateway',
    athena: 'Athena',
    batch: 'Batch',
    bedrock: 'Bedrock',
    bedrockruntime: 'BedrockRuntime',
    cloudwatch: 'CloudWatch',
    cloudwatchlogs: 'CloudWatchLogs',
    codebuild: 'CodeBuild',
    dynamodb: 'DynamoDB',
    ec2: 'EC2',
    ecr: 'ECR',
    ecs: 'ECS',
    eks: 'EKS',
    emr: 'EMR',
    eventbridge: 'EventBridge',
    events: 'EventBridge',
    firehose: 'Firehose',
    glue: 'Glue',
    iam: 'IAM',
    kinesis: 'Kinesis',
    kms: 'KMS',
    lambda: 'Lambda',
    rds: 'RDS',
    s3: 'S3',
    sagemaker: 'SageMaker',
    secretsmanager: 'SecretsManager',
    ses: 'SES',
    sesv2: 'SESv2',
    sfn: 'SFN',
    sns: 'SNS',
    sqs: 'SQS',
    ssm: 'SSM',
    states: 'StepFunctions',
    sts: 'STS',
  }),
);

export function serviceId(service: string, sdk: boolean): string {
  const lower = service.toLowerCase();
  if (sdk && lower === 'dynamodb') return 'DynamoDb';
  return SERVICE_IDS.get(lower) ?? lower.charAt(0).toUpperCase() + lower.slice(1);
}

interface SdkLikeError {
  readonly name?: unknown;
  readonly message?: unknown;
  readonly $metadata?: { readonly httpStatusCode?: unknown; readonly requestId?: unknown };
}

/**
 * Names a service handler's failure the way AWS would: a StatesError (TaskFailedError) passes
 * through untouched; any other error becomes `<Service>.<Name>Exception` with AWS's cause text.
 */
export function serviceFailure(resource: ParsedResource, thrown: unknown): unknown {
  if (thrown instanceof StatesError || resource.service === undefined) return thrown;
  const id = serviceId(resource.service, resource.sdk === true);
  const error = (typeof thrown === 'object' && thrown !== null ? thrown : {}) as SdkLikeError;
  const rawName = typeof error.name === 'string' && error.name !== 'Error' ? error.name : id;
  const name = rawName.endsWith('Exception') ? rawName : `${rawName}Exception`;
  const message = typeof error.message === 'string' ? error.message : String(thrown);
  const status = error.$metadata?.httpStatusCode ?? 400;
  const requestId = error.$metadata?.requestId ?? '';
  return new StatesError(
    `${id}.${name}`,
    `${message} (Service: ${id}, Status Code: ${status}, Request ID: ${requestId})`,
  );
}

/** A Task names a service action nobody registered: say exactly what to register. */
export function serviceNotRegistered(resource: ParsedResource, stateName: string): StatesError {
  const service = resource.service ?? 'service';
  const action = resource.action ?? 'action';
  return new StatesError(
    ErrorNames.runtime,
    `No handler is registered for '${service}:${action}' (resource '${resource.arn}', state '${stateName}'). ` +
      `Register one: createRuntime({ services: { ${service}: { ${action}: async (params) => ({ /* the ${action} response */ }) } } }) ` +
      `or runtime.registerService('${service}', '${action}', async (params) => ...).`,
  );
}
