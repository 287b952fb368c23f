/** Error names that Step Functions itself raises or matches; all start with `States.`. */
export const PREDEFINED_ERROR_NAMES = [
  'States.ALL',
  'States.Timeout',
  'States.HeartbeatTimeout',
  'States.TaskFailed',
  'States.Permissions',
  'States.Runtime',
  'States.DataLimitExceeded',
  'States.QueryEvaluationError',
  'States.NoChoiceMatched',
  'States.IntrinsicFailure',
  'States.BranchFailed',
  'States.ExceedToleratedFailureThreshold',
  'States.ItemReaderFailed',
  'States.ResultWriterFailed',
  'States.ResultPathMatchFailure',
  'States.ParameterPathFailure',
] as const;

export type PredefinedErrorName = (typeof PREDEFINED_ERROR_NAMES)[number];

/**
 * A name in `ErrorEquals` or `Fail.Error`: a predefined name or any custom
 * one a task reports. `string & {}` keeps editor completion for the
 * predefined names while still accepting any string.
 */
export type ErrorName = PredefinedErrorName | (string & {});
