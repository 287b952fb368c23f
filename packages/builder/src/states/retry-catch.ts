import type { Graph } from '../chain/graph';
import type { EmitContext } from '../chain/state-node';
import type { JsonValue, QueryLanguage } from '../types/json';
import { defined, templateField } from './field-emitters';

/** Error names AWS predefines; any other string names a custom error. */
export type ErrorName =
  | 'States.ALL'
  | 'States.HeartbeatTimeout'
  | 'States.Timeout'
  | 'States.TaskFailed'
  | 'States.Permissions'
  | 'States.ResultPathMatchFailure'
  | 'States.ParameterPathFailure'
  | 'States.QueryEvaluationError'
  | 'States.BranchFailed'
  | 'States.NoChoiceMatched'
  | 'States.IntrinsicFailure'
  | 'States.ExceedToleratedFailureThreshold'
  | 'States.ItemReaderFailed'
  | 'States.ResultWriterFailed'
  | (string & {});

export interface RetryOptions {
  readonly errors: readonly [ErrorName, ...ErrorName[]];
  readonly intervalSeconds?: number;
  readonly maxAttempts?: number;
  readonly backoffRate?: number;
  readonly maxDelaySeconds?: number;
  readonly jitterStrategy?: 'FULL' | 'NONE';
  readonly comment?: string;
}

/** A recorded catcher: the handler chain and how the error reaches it. */
export interface CatchRecord {
  readonly errors: readonly string[];
  readonly resultPath?: string | null;
  readonly output?: unknown;
  readonly assign?: unknown;
  readonly comment?: string;
  readonly handler: Graph;
}

export function emitRetry(retry: readonly RetryOptions[]): JsonValue[] {
  return retry.map((r) =>
    defined({
      ErrorEquals: [...r.errors],
      Comment: r.comment,
      IntervalSeconds: r.intervalSeconds,
      MaxAttempts: r.maxAttempts,
      BackoffRate: r.backoffRate,
      MaxDelaySeconds: r.maxDelaySeconds,
      JitterStrategy: r.jitterStrategy,
    }),
  );
}

export function emitCatch(catchers: readonly CatchRecord[], context: EmitContext): JsonValue[] {
  const language: QueryLanguage = context.language;
  return catchers.map((c) =>
    defined({
      ErrorEquals: [...c.errors],
      Comment: c.comment,
      ResultPath: c.resultPath,
      Output:
        c.output === undefined ? undefined : templateField(c.output, 'errorOutput', 'Catch.Output', language),
      Assign:
        c.assign === undefined ? undefined : templateField(c.assign, 'errorOutput', 'Catch.Assign', language),
      Next: context.nameOf(c.handler),
    }),
  );
}
