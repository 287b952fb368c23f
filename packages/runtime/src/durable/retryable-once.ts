/**
 * Start-up work (a store's migrations, a runtime's subscriptions) run once and shared by every
 * caller; a failure is not kept, since a database still starting or failing over may be reached by
 * the next call. One that lasts (a newer schema) fails the same way again.
 */
export class RetryableOnce<T> {
  private current: Promise<T> | undefined;

  constructor(private readonly start: () => Promise<T>) {}

  /** Whether a run is in flight or has succeeded. */
  get started(): boolean {
    return this.current !== undefined;
  }

  run(): Promise<T> {
    if (this.current) return this.current;
    const running = this.start();
    this.current = running;
    running.catch(() => {
      if (this.current === running) this.current = undefined;
    });
    return running;
  }
}
