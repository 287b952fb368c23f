/**
 * Wakes whoever waits on an execution when it starts or ends running in this process, so a
 * parent waiting on a child that is resumed or woken here learns of its end at once; a child
 * running elsewhere is noticed by polling, at most `maxMs` apart.
 */
export class Endings {
  private readonly watchers = new Map<string, Set<() => void>>();

  /** An execution started or ended running here. */
  nudge(executionArn: string): void {
    const watching = this.watchers.get(executionArn);
    if (!watching) return;
    this.watchers.delete(executionArn);
    for (const wake of watching) wake();
  }

  /**
   * Watches for the next nudge for this execution: `changed` resolves then, after `ms`, or when
   * `signal` fires. `cancel` stops watching (the watcher would otherwise linger until `ms`).
   */
  watch(executionArn: string, ms: number, signal?: AbortSignal): { changed: Promise<void>; cancel(): void } {
    let wake = () => {};
    const changed = new Promise<void>((resolve) => {
      let watching = this.watchers.get(executionArn);
      if (!watching) {
        watching = new Set();
        this.watchers.set(executionArn, watching);
      }
      const set = watching;
      wake = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', wake);
        set.delete(wake);
        if (set.size === 0 && this.watchers.get(executionArn) === set) this.watchers.delete(executionArn);
        resolve();
      };
      // Waiting must not keep the process alive: whatever waits is held by something else.
      const timer = setTimeout(wake, ms).unref();
      set.add(wake);
      if (signal?.aborted) wake();
      else signal?.addEventListener('abort', wake, { once: true });
    });
    return { changed, cancel: () => wake() };
  }

  /** Resolves at the next nudge for this execution, after `ms`, or when `signal` fires. */
  next(executionArn: string, ms: number, signal?: AbortSignal): Promise<void> {
    return this.watch(executionArn, ms, signal).changed;
  }

  /** How many executions someone waits on (for tests: nothing is left behind). */
  get watched(): number {
    return this.watchers.size;
  }
}
