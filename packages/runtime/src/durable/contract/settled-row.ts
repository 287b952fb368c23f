import type { StoredExecution } from '../durable-store';

/**
 * An execution's row once it no longer runs: `read` is called every 5 ms until the row is not
 * RUNNING or `withinMs` has passed (the last row read is returned either way).
 */
export async function settledRow(
  read: () => Promise<StoredExecution | undefined>,
  withinMs = 5000,
): Promise<StoredExecution | undefined> {
  const until = Date.now() + withinMs;
  let row = await read();
  while (row?.status === 'RUNNING' && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    row = await read();
  }
  return row;
}
