import type { ExecutionResult } from '../engine/execution-result';

/** StartSyncExecution's answer. `input` and `output` are JSON text, as AWS returns them. */
export interface SyncExecutionResult {
  readonly executionArn: string;
  readonly stateMachineArn: string;
  readonly name: string;
  readonly startDate: Date;
  readonly stopDate: Date;
  readonly status: 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT';
  readonly error?: string;
  readonly cause?: string;
  readonly input: string;
  readonly inputDetails: { readonly included: boolean };
  readonly output?: string;
  readonly outputDetails?: { readonly included: boolean };
  /**
   * What AWS would bill: duration rounded up to the next 100 ms, and the 64 MB AWS bills an
   * Express execution's memory at its least. A local estimate, not a measurement.
   */
  readonly billingDetails: {
    readonly billedMemoryUsedInMB: number;
    readonly billedDurationInMilliseconds: number;
  };
}

export interface SyncExecutionFacts {
  readonly executionArn: string;
  readonly stateMachineArn: string;
  readonly name: string;
  readonly input: unknown;
  readonly startDate: Date;
  readonly stopDate: Date;
}

export function syncExecutionResult(facts: SyncExecutionFacts, result: ExecutionResult): SyncExecutionResult {
  const elapsed = Math.max(0, facts.stopDate.getTime() - facts.startDate.getTime());
  const common = {
    ...facts,
    input: JSON.stringify(facts.input ?? null),
    inputDetails: { included: true },
    billingDetails: {
      billedMemoryUsedInMB: 64,
      billedDurationInMilliseconds: Math.max(100, Math.ceil(elapsed / 100) * 100),
    },
  };
  if (result.status === 'SUCCEEDED') {
    return {
      ...common,
      status: 'SUCCEEDED',
      output: JSON.stringify(result.output ?? null),
      outputDetails: { included: true },
    };
  }
  // Express executions cannot be stopped from outside; an abort can only come from a parent.
  const status = result.status === 'TIMED_OUT' ? 'TIMED_OUT' : 'FAILED';
  const failure: { error?: string; cause?: string } = {};
  if (result.error !== undefined) failure.error = result.error;
  if (result.cause !== undefined) failure.cause = result.cause;
  return { ...common, status, ...failure };
}
