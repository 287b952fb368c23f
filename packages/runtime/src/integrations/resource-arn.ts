/** How Step Functions waits on a resource, chosen by the suffix of its ARN. */
export type IntegrationPattern = 'request' | 'sync' | 'sync:2' | 'waitForTaskToken';

export type ResourceKind =
  | 'lambda-function'
  | 'lambda-invoke'
  | 'http-invoke'
  | 'start-execution'
  | 'activity'
  | 'service'
  | 'unknown';

/** A Task's `Resource`, taken apart. */
export interface ParsedResource {
  readonly arn: string;
  readonly kind: ResourceKind;
  readonly pattern: IntegrationPattern;
  /** The ARN without its pattern suffix (what `.waitForTaskToken` calls before it waits). */
  readonly base: string;
  /** For `arn:aws:states:::<service>:<action>` and `...:::aws-sdk:<service>:<action>`. */
  readonly service?: string;
  readonly action?: string;
  /** True for the `aws-sdk:` integrations, whose errors are named `<Service>.<Exception>`. */
  readonly sdk?: boolean;
}

const SUFFIXES: readonly [string, IntegrationPattern][] = [
  ['.waitForTaskToken', 'waitForTaskToken'],
  ['.sync:2', 'sync:2'],
  ['.sync', 'sync'],
];

const cache = new Map<string, ParsedResource>();

export function parseResource(arn: string): ParsedResource {
  const cached = cache.get(arn);
  if (cached) return cached;
  const parsed = parse(arn);
  cache.set(arn, parsed);
  return parsed;
}

function parse(arn: string): ParsedResource {
  if (/^arn:aws[\w-]*:lambda:[^:]+:\d+:function:/.test(arn)) {
    return { arn, kind: 'lambda-function', pattern: 'request', base: arn };
  }
  if (/^arn:aws[\w-]*:states:[^:]+:\d+:activity:/.test(arn)) {
    return { arn, kind: 'activity', pattern: 'request', base: arn };
  }
  const integration = /^arn:aws[\w-]*:states:::(.+)$/.exec(arn);
  if (!integration) return { arn, kind: 'unknown', pattern: 'request', base: arn };
  let rest = integration[1] as string;
  let pattern: IntegrationPattern = 'request';
  for (const [suffix, name] of SUFFIXES) {
    if (rest.endsWith(suffix)) {
      pattern = name;
      rest = rest.slice(0, -suffix.length);
      break;
    }
  }
  const base =
    pattern === 'request' ? arn : arn.slice(0, arn.length - (integration[1] as string).length) + rest;
  const sdk = rest.startsWith('aws-sdk:');
  const [service, action] = (sdk ? rest.slice('aws-sdk:'.length) : rest).split(':');
  if (!service || !action) return { arn, kind: 'unknown', pattern, base };
  const kind: ResourceKind = sdk
    ? 'service'
    : service === 'lambda' && action === 'invoke'
      ? 'lambda-invoke'
      : service === 'http' && action === 'invoke'
        ? 'http-invoke'
        : service === 'states' && action === 'startExecution'
          ? 'start-execution'
          : 'service';
  return { arn, kind, pattern, base, service, action, sdk };
}
