import { type Catcher, caughtResult, findCatcher } from '../errors/catch-policy';
import { type Retrier, RetryState } from '../errors/retry-policy';
import { type StateFailure, StateFailureSignal } from '../errors/state-failure';
import {
  isPromise,
  type StateEntry,
  type StateKind,
  type StepOutcome,
  type StepResult,
} from '../plan/compiled-state';
import { frameSignal } from './cancellation';
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
 * catcher takes over. The first attempt runs without any wrapping of its own, since it nearly
 * always succeeds; the retry loop starts only on a failure. Back-off sleeps go through the clock,
 * so a virtual clock skips them.
 */
export function withErrorHandling(
  frame: Frame,
  entry: StateEntry,
  handling: ErrorHandling,
  attempt: (retryCount: number) => StepOutcome,
): StepOutcome {
  let first: StepOutcome;
  try {
    first = attempt(0);
  } catch (error) {
    return recover(frame, entry, handling, attempt, error);
  }
  if (!isPromise(first)) return first;
  return first.then(undefined, (error: unknown) => recover(frame, entry, handling, attempt, error));
}

/** Retries after a failed attempt, then hands the failure to a catcher or lets it through. */
async function recover(
  frame: Frame,
  entry: StateEntry,
  handling: ErrorHandling,
  attempt: (retryCount: number) => StepOutcome,
  thrown: unknown,
): Promise<StepResult> {
  const retry = new RetryState(handling.retriers);
  let error = thrown;
  for (;;) {
    const failure = finalizeFailure(frame, handling.kind, entry, error);
    const delay = retry.nextDelay(failure.error, frame.run.random);
    if (delay === undefined) {
      handling.onFinalFailure?.(failure);
      const catcher = findCatcher(handling.catchers, failure.error);
      if (catcher === undefined) throw new StateFailureSignal(failure);
      return caughtResult(frame, catcher, entry.input, failure, handling.context(retry.retryCount));
    }
    await frame.run.clock.sleep(delay, frameSignal(frame));
    try {
      return await attempt(retry.retryCount);
    } catch (next) {
      error = next;
    }
  }
}
