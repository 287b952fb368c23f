import { type Catcher, caughtResult, findCatcher } from '../errors/catch-policy';
import { type Retrier, RetryState } from '../errors/retry-policy';
import { type StateFailure, StateFailureSignal } from '../errors/state-failure';
import {
  type CompiledState,
  isPromise,
  type StateEntry,
  type StateKind,
  type StepOutcome,
  type StepResult,
} from '../plan/compiled-state';
import { frameSignal } from './cancellation';
import { finalizeFailure } from './failure-events';
import type { Frame } from './run-context';
import { stateContext } from './state-context';

/** A state's error handling and attempt, built once per state rather than on each entry. */
export interface ErrorHandling {
  readonly kind: StateKind;
  readonly retriers: readonly Retrier[];
  readonly catchers: readonly Catcher[];
  /** Records the state's own failure event (MapStateFailed...) once no retry is left. */
  readonly onFinalFailure?: (frame: Frame, failure: StateFailure) => void;
  /** Runs one attempt; `retryCount` is 0 for the first. */
  readonly attempt: (frame: Frame, entry: StateEntry, retryCount: number) => StepOutcome;
}

/**
 * Runs attempts of a Task, Parallel or Map state until one succeeds, the retriers give up, or a
 * catcher takes over. The first attempt runs without any wrapping of its own, since it nearly
 * always succeeds; the retry loop starts only on a failure. Back-off sleeps go through the clock,
 * so a virtual clock skips them.
 */
export function withErrorHandling(frame: Frame, entry: StateEntry, handling: ErrorHandling): StepOutcome {
  let first: StepOutcome;
  try {
    first = handling.attempt(frame, entry, 0);
  } catch (error) {
    return recover(frame, entry, handling, error);
  }
  if (!isPromise(first)) return first;
  return first.then(undefined, (error: unknown) => recover(frame, entry, handling, error));
}

/**
 * The `execute` and `recover` of a state with Retry and Catch: the graph runner calls `recover`
 * itself when the first attempt fails, which saves a promise per state over `withErrorHandling`.
 */
export function errorHandled(handling: ErrorHandling): Required<Pick<CompiledState, 'execute' | 'recover'>> {
  return {
    execute: (frame, entry) => handling.attempt(frame, entry, 0),
    recover: (frame, entry, error) => recover(frame, entry, handling, error),
  };
}

/** Retries after a failed attempt, then hands the failure to a catcher or lets it through. */
async function recover(
  frame: Frame,
  entry: StateEntry,
  handling: ErrorHandling,
  thrown: unknown,
): Promise<StepResult> {
  const retry = new RetryState(handling.retriers);
  let error = thrown;
  for (;;) {
    const failure = finalizeFailure(frame, handling.kind, entry, error);
    // A durable execution draws its jitter at the lane's position: the same back-off after a
    // restart, whichever branch draws first then.
    const randomAt = frame.run.randomAt;
    const delay = retry.nextDelay(failure.error, randomAt ? () => randomAt(frame.lane) : frame.run.random);
    if (delay === undefined) {
      handling.onFinalFailure?.(frame, failure);
      const catcher = findCatcher(handling.catchers, failure.error);
      if (catcher === undefined) throw new StateFailureSignal(failure);
      const context = stateContext(frame, entry, { retryCount: retry.retryCount });
      return caughtResult(frame, catcher, entry.input, failure, context);
    }
    await frame.run.clock.sleep(delay, frameSignal(frame));
    try {
      return await handling.attempt(frame, entry, retry.retryCount);
    } catch (next) {
      error = next;
    }
  }
}
