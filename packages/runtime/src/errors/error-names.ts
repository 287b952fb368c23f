/** Error names the runtime raises itself, as AWS spells them. */
export const ErrorNames = {
  all: 'States.ALL',
  runtime: 'States.Runtime',
  timeout: 'States.Timeout',
  heartbeatTimeout: 'States.HeartbeatTimeout',
  taskFailed: 'States.TaskFailed',
  dataLimitExceeded: 'States.DataLimitExceeded',
  noChoiceMatched: 'States.NoChoiceMatched',
  intrinsicFailure: 'States.IntrinsicFailure',
  queryEvaluationError: 'States.QueryEvaluationError',
  resultPathMatchFailure: 'States.ResultPathMatchFailure',
  parameterPathFailure: 'States.ParameterPathFailure',
  branchFailed: 'States.BranchFailed',
  itemReaderFailed: 'States.ItemReaderFailed',
  resultWriterFailed: 'States.ResultWriterFailed',
  exceedToleratedFailureThreshold: 'States.ExceedToleratedFailureThreshold',
  permissions: 'States.Permissions',
} as const;

/**
 * Errors that `States.ALL` does not match: AWS treats them as terminal, so only a retrier or catcher
 * that names them explicitly sees them (and States.Runtime is never retried at all).
 */
export function isTerminalForWildcard(error: string | undefined): boolean {
  return error === ErrorNames.runtime || error === ErrorNames.dataLimitExceeded;
}
