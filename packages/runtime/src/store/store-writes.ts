import { StoreWriteError } from '../errors/runtime-errors';

/**
 * The writes made to the execution store for one execution. A store may answer with promises (a
 * database): their failures are kept instead of being left unhandled, which would end the process,
 * and the execution's result waits for the writes in flight, so a lost write reaches the caller
 * as a StoreWriteError from `result()`.
 */
export class StoreWrites {
  private inFlight = 0;
  private failure: { readonly error: unknown } | undefined;
  private waiters: Array<() => void> = [];

  constructor(private readonly executionArn: string) {}

  /** Makes one write; a throw or a rejection is kept for `settle`. */
  write(call: () => void | Promise<void>): void {
    let result: void | Promise<void>;
    try {
      result = call();
    } catch (error) {
      this.fail(error);
      return;
    }
    if (!(result instanceof Promise)) return;
    this.inFlight++;
    result.then(
      () => this.landed(),
      (error: unknown) => {
        this.fail(error);
        this.landed();
      },
    );
  }

  /** `outcome` once every write made so far has landed; a StoreWriteError if one failed. */
  settle<T>(outcome: T): T | Promise<T> {
    if (this.inFlight > 0) {
      return new Promise<void>((resolve) => this.waiters.push(resolve)).then(() => this.settle(outcome));
    }
    if (this.failure) throw new StoreWriteError(this.executionArn, { cause: this.failure.error });
    return outcome;
  }

  private fail(error: unknown): void {
    this.failure ??= { error };
  }

  private landed(): void {
    this.inFlight--;
    if (this.inFlight > 0) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
