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

  /** Resolves at the next nudge for this execution, or after `ms`. */
  next(executionArn: string, ms: number): Promise<void> {
    return new Promise((resolve) => {
      let watching = this.watchers.get(executionArn);
      if (!watching) {
        watching = new Set();
        this.watchers.set(executionArn, watching);
      }
      const set = watching;
      const wake = () => {
        clearTimeout(timer);
        set.delete(wake);
        if (set.size === 0 && this.watchers.get(executionArn) === set) this.watchers.delete(executionArn);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      set.add(wake);
    });
  }

  /** How many executions someone waits on (for tests: nothing is left behind). */
  get watched(): number {
    return this.watchers.size;
  }
}
