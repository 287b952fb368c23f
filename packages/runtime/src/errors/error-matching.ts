import { ErrorNames, isTerminalForWildcard } from './error-names';

/** Whether a retrier's or catcher's `ErrorEquals` covers `error`, with AWS's wildcard rules. */
export function errorMatches(errorEquals: readonly string[], error: string | undefined): boolean {
  for (const name of errorEquals) {
    if (name === error) return true;
    if (name === ErrorNames.all && !isTerminalForWildcard(error)) return true;
    // States.TaskFailed stands for any task failure, but not a timeout.
    if (name === ErrorNames.taskFailed && error !== ErrorNames.timeout && !isTerminalForWildcard(error)) {
      return true;
    }
  }
  return false;
}
