import { type Catcher, caughtResult, findCatcher } from '../errors/catch-policy';
import { type Retrier, RetryState } from '../errors/retry-policy';
import { type StateFailure, StateFailureSignal } from '../errors/state-failure';
import type { StateEntry, StateKind, StepResult } from '../plan/compiled-state';
import { finalizeFailure } from './failure-events';
import type { Frame } from './run-context';

export interface ErrorHandling {
  readonly kind: StateKind;
  readonly retriers: readonly Retrier[];
  readonly catchers: readonly Catcher[];
  /** Records the state's own failure event (MapStateFailed...) once no retry is left. */
  readonly onFinalFailure?: (failure: StateFailure) => void;
  /** Builds `$$` for the catcher's fields. */
  readonly context: (retryCount: number) => unknown;
}

/**
 * Runs attempts of a Task, Parallel or Map state until one succeeds, the retriers give up, or a
 * catcher takes over. Back-off sleeps go through the clock, so a virtual clock skips them.
 */
export async function withErrorHandling(
  frame: Frame,
  entry: StateEntry,
  handling: ErrorHandling,
  attempt: (retryCount: number) => Promise<StepResult> | StepResult,
): Promise<StepResult> {
  const retry = new RetryState(handling.retriers);
  for (;;) {
    let failure: StateFailure;
    try {
      return await attempt(retry.retryCount);
    } catch (error) {
      failure = finalizeFailure(frame, handling.kind, entry, error);
    }
    const delay = retry.nextDelay(failure.error, frame.run.random);
    if (delay !== undefined) {
      await frame.run.clock.sleep(delay, frame.run.signal);
      continue;
    }
    handling.onFinalFailure?.(failure);
    const catcher = findCatcher(handling.catchers, failure.error);
    if (catcher === undefined) throw new StateFailureSignal(failure);
    return caughtResult(frame, catcher, entry.input, failure, handling.context(retry.retryCount));
  }
}
