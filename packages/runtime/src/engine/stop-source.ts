import { setMaxListeners } from 'node:events';

/**
 * Whether an execution has been stopped (stop(), a timeout), and why. Most executions are never
 * stopped and most of their code only asks `aborted`, so the AbortSignal that handlers, sleeps and
 * nested scopes listen on is made on first request rather than for every execution.
 */
export class StopSource {
  aborted = false;
  reason: unknown = undefined;
  private controller: AbortController | undefined;

  get signal(): AbortSignal {
    if (this.controller === undefined) {
      this.controller = new AbortController();
      // Every call and wait of the execution may listen to it.
      setMaxListeners(0, this.controller.signal);
      if (this.aborted) this.controller.abort(this.reason);
    }
    return this.controller.signal;
  }

  /**
   * Ends the run now if its own time limit (the machine's TimeoutSeconds) fell due while the
   * process was down, and says whether the run is over; set by the run once it has that limit.
   * Called before a resumed task's handler would run again.
   */
  expireOverdue: () => boolean = () => this.aborted;

  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    this.controller?.abort(reason);
  }
}
