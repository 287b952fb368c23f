import { setMaxListeners } from 'node:events';
import type { Frame } from './run-context';

/**
 * Why a Parallel branch or Map iteration stopped early: a sibling failed, so the state has failed
 * and AWS stops the rest. It is not a state failure: no Retry or Catch sees it.
 */
export class BranchCancelled extends Error {
  constructor() {
    super('Stopped because another branch or iteration of the same state failed.');
  }
}

/** The signal that stops work in this frame: the execution's, or a cancellable scope's. */
export function frameSignal(frame: Frame): AbortSignal {
  return frame.signal ?? frame.run.stop.signal;
}

/** Why work in this frame must stop, or undefined while it may go on; makes no signal. */
export function frameStopped(frame: Frame): { readonly reason: unknown } | undefined {
  if (frame.signal !== undefined) return frame.signal.aborted ? frame.signal : undefined;
  return frame.run.stop.aborted ? frame.run.stop : undefined;
}

export interface CancelScope {
  readonly signal: AbortSignal;
  /** Stops every frame running under the scope at its next state boundary or wait. */
  cancel(): void;
  /** Detaches from the parent signal once the state is done with the scope. */
  dispose(): void;
}

/** A scope for the branches or iterations of one state, which also ends when its parent does. */
export function cancelScope(parent: AbortSignal): CancelScope {
  const controller = new AbortController();
  // Every call and wait running under the scope listens to it: 40 iterations of a Map, say.
  setMaxListeners(0, controller.signal);
  const follow = () => controller.abort(parent.reason);
  if (parent.aborted) follow();
  else parent.addEventListener('abort', follow, { once: true });
  return {
    signal: controller.signal,
    cancel: () => {
      if (!controller.signal.aborted) controller.abort(new BranchCancelled());
    },
    dispose: () => parent.removeEventListener('abort', follow),
  };
}

/**
 * Settles with `work`, or rejects as soon as the signal fires: with `reason()`, by default the
 * signal's own reason. A branch whose sibling failed stops waiting for a call that may never end,
 * and the call's late result is dropped (nothing is recorded after the state has failed).
 */
export function untilStopped<T>(
  work: Promise<T>,
  signal: AbortSignal,
  reason: () => unknown = () => signal.reason,
): Promise<T> {
  if (signal.aborted) return Promise.reject(reason());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(reason());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
