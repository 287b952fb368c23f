/**
 * `work`, or a rejection with `timedOut()` once `ms` have passed without it settling. For waits on
 * a store that may stop answering (a network partition) where the caller cannot wait forever.
 * `Infinity` waits for `work` however long it takes.
 */
export function boundedBy<T>(work: Promise<T>, ms: number, timedOut: () => unknown): Promise<T> {
  if (ms === Number.POSITIVE_INFINITY) return work;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timedOut()), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** Waits for `work` to settle, however it settles, for `ms` at most. */
export function settledWithin(work: Promise<unknown>, ms: number): Promise<void> {
  return boundedBy(work, ms, () => undefined).then(
    () => {},
    () => {},
  );
}
