import { settledWithin } from './bounded-wait';
import type { DurableStore } from './durable-store';
import { checkDrainMs } from './runtime-options';

export interface WorkerOptions {
  /** How many executions this worker runs at once (default 16). */
  readonly concurrency?: number;
  /** How often to look for work when nothing wakes the worker (default 1 s). */
  readonly pollMs?: number;
}

export interface StopOptions {
  /**
   * How long to let running executions finish before handing their leases back: 0 (the default)
   * up to Node's longest timer (about 24.8 days), or `Infinity` to wait for all of them.
   */
  readonly drainMs?: number;
}

export interface Worker {
  /**
   * Stops claiming; lets executions finish for up to `drainMs`, then hands the rest back. Rejects
   * with `LeasesNotHandedBackError` (the worker has stopped all the same) when the store does not
   * take the leases back, and with `DurableRuntimeOptionError` (before stopping anything) for a
   * `drainMs` it cannot wait.
   */
  stop(options?: StopOptions): Promise<void>;
  /** Settles once the worker has stopped. */
  readonly stopped: Promise<void>;
}

/** A worker as its runtime holds it. */
export interface WorkerLoop extends Worker {
  /**
   * Looks for work at once rather than at the next poll: something fell due that the runtime
   * leaves to its workers' claims. A nudge that comes while the worker claims is kept for the
   * next look, as a wake from the store is. Returns whether the worker has room to claim it.
   */
  nudge(): boolean;
}

/** What the worker needs from its runtime. */
export interface WorkerHost {
  ready(): Promise<void>;
  /**
   * Claims up to `limit` executions and starts running them, unless `wanted()` has turned false by
   * the time the store answers (the worker stopped meanwhile): then they are handed back.
   */
  claim(limit: number, wanted: () => boolean): Promise<unknown[]>;
  /** How long a stop waits on the store before it gives up (the leases expire by then). */
  readonly patienceMs: number;
  running(): number;
  liveArns(): string[];
  settled(executionArn: string): Promise<unknown> | undefined;
  handBack(executionArns: readonly string[]): Promise<void>;
  /**
   * Until `end()` (called once), the runtime wakes only the executions that those running here
   * wait on: a stopping worker takes on no new work it would hand back unfinished. `woken` settles
   * once a wake that was under way (and could take anything due) has settled.
   */
  draining(): { readonly woken: Promise<void>; end(): void };
}

/**
 * The claim loop of one worker: whenever it has free slots it leases running executions nobody
 * holds (or whose lease expired: that is the sweep that recovers a crashed worker's executions),
 * then sleeps until woken (NOTIFY, a finished execution) or the poll interval passes.
 */
export function startWorkerLoop(store: DurableStore, host: WorkerHost, options: WorkerOptions): WorkerLoop {
  const concurrency = options.concurrency ?? 16;
  const pollMs = options.pollMs ?? 1000;
  let stopping = false;
  // A wake while the worker claims (it is not asleep) is kept: its claim may have looked before
  // the work it announces was there.
  let woken = false;
  const keepWake = () => {
    woken = true;
  };
  let wake: () => void = keepWake;
  const unsubscribe = store.onWake?.(() => wake());
  /** The executions whose end wakes the worker (a slot frees), each watched once. */
  const watched = new Set<string>();
  const watch = (arn: string) => {
    const settled = watched.has(arn) ? undefined : host.settled(arn);
    if (!settled) return;
    watched.add(arn);
    const ended = () => {
      watched.delete(arn);
      wake();
    };
    settled.then(ended, ended);
  };
  let finish: () => void = () => {};
  const stopped = new Promise<void>((resolve) => {
    finish = resolve;
  });

  const loop = async () => {
    while (!stopping) {
      const free = concurrency - host.running();
      let claimed = 0;
      if (free > 0) {
        try {
          await host.ready();
          claimed = (await host.claim(free, () => !stopping)).length;
        } catch {
          // The store is unreachable (or was when the worker started); try again after the poll interval.
        }
      }
      if (claimed > 0 && claimed === free) continue;
      if (woken) {
        woken = false;
        continue;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
        for (const arn of host.liveArns()) watch(arn);
      });
      wake = keepWake;
    }
  };
  const running = loop();

  return {
    stopped,
    nudge: () => {
      wake();
      return !stopping && concurrency - host.running() > 0;
    },
    async stop(stopOptions = {}) {
      checkDrainMs(stopOptions.drainMs);
      stopping = true;
      const drain = host.draining();
      wake();
      unsubscribe?.();
      // A claim the store never answers must not hold the stop: what it claims is handed back.
      await settledWithin(running, host.patienceMs);
      // So must a wake under way when the stop began; what it took runs here once it has settled,
      // and is drained with the rest.
      await settledWithin(drain.woken, host.patienceMs);
      const drainMs = stopOptions.drainMs ?? 0;
      if (drainMs > 0) {
        await settledWithin(Promise.all(host.liveArns().map((arn) => host.settled(arn))), drainMs);
      }
      // Stopped whether or not the store takes the leases back: their expiry frees them anyway.
      try {
        await host.handBack(host.liveArns());
      } finally {
        drain.end();
        finish();
      }
    },
  };
}
