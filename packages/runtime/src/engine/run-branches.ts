import { cancelScope, frameSignal } from './cancellation';
import type { Frame } from './run-context';

/**
 * Runs a Parallel state's branches side by side. The first failure stops the other branches (at
 * their next state or wait, as AWS stops them), and it is thrown once every branch has come to
 * rest, so no branch records events after the state has failed.
 */
export async function runBranches<T>(
  frame: Frame,
  count: number,
  run: (index: number, signal: AbortSignal) => T | Promise<T>,
): Promise<T[]> {
  const scope = cancelScope(frameSignal(frame));
  let failed = false;
  let firstError: unknown;
  try {
    const settled = await Promise.all(
      Array.from({ length: count }, async (_, index): Promise<T | undefined> => {
        try {
          return await run(index, scope.signal);
        } catch (error) {
          if (!failed) {
            failed = true;
            firstError = error;
            scope.cancel();
          }
          return undefined;
        }
      }),
    );
    if (failed) throw firstError;
    return settled as T[];
  } finally {
    scope.dispose();
  }
}
