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

  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    this.controller?.abort(reason);
  }
}
