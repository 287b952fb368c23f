import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CoreChannel, CoreMethod, SyncStore } from './core-api';
import { SqliteStoreClosedError, SqliteThreadExitedError } from './errors';
import { EventLoopSpin } from './event-loop-spin';
import { decodeError, encodeError, type Reply, type Request } from './messages';
import type { SqliteCoreOptions } from './sqlite-core';

interface Waiter {
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/**
 * The store's end of the writer thread. Calls are posted in the order they are made and the thread
 * answers them in that order, so a reply is matched to the oldest call waiting, and a read made
 * after a commit sees it.
 */
export class SqliteThread implements CoreChannel {
  private readonly waiting: Waiter[] = [];
  /** Why no call can be made any more (closed, or the thread is gone); unset while it runs. */
  private stopped: Error | undefined;
  private crash: unknown;
  private closing: Promise<void> | undefined;
  private readonly spin: EventLoopSpin;

  /** `spinMicros`: how long the caller's event loop keeps turning after a call (see EventLoopSpin). */
  constructor(
    private readonly worker: Worker,
    spinMicros = 0,
  ) {
    this.spin = new EventLoopSpin(spinMicros, () => this.waiting.length > 0);
    worker.on('message', (reply: Reply) => this.answer(reply));
    // A reply that cannot be read still answers the oldest call, or every later reply would be off by one.
    worker.on('messageerror', (error) => this.answer([false, encodeError(error)]));
    worker.on('error', (error) => {
      this.crash = error;
    });
    worker.on('exit', (code) => this.exited(code));
    // Idle, the thread does not keep the process alive (a store nobody closed must not pin it);
    // it holds the process only while a call waits for its answer.
    worker.unref();
  }

  call<M extends CoreMethod>(
    method: M,
    ...args: Parameters<SyncStore[M]>
  ): Promise<ReturnType<SyncStore[M]>> {
    if (this.stopped) return Promise.reject(this.stopped);
    return this.send([method, ...args]) as Promise<ReturnType<SyncStore[M]>>;
  }

  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private send(request: Request): Promise<unknown> {
    return new Promise((resolve, reject) => {
      // Posted first: arguments that cannot be cloned throw here, before a reply is expected.
      this.worker.postMessage(request);
      if (this.waiting.push({ resolve, reject }) === 1) this.worker.ref();
      this.spin.hold();
    });
  }

  private answer(reply: Reply): void {
    const waiter = this.waiting.shift();
    if (this.waiting.length === 0) this.worker.unref();
    if (!waiter) return;
    if (reply[0]) waiter.resolve(reply[1]);
    else waiter.reject(decodeError(reply[1]));
  }

  private exited(code: number): void {
    const error = new SqliteThreadExitedError(code, this.crash);
    this.stopped ??= error;
    for (const waiter of this.waiting.splice(0)) waiter.reject(error);
  }

  /**
   * Queued behind every call made before it: those are answered first, then the file is closed.
   * A thread that is gone has nothing left to close; the calls it dropped have failed already.
   */
  private async shutDown(): Promise<void> {
    if (this.stopped) return;
    const closed = this.send(['close']);
    this.stopped = new SqliteStoreClosedError();
    try {
      await closed;
    } catch (error) {
      if (!(error instanceof SqliteThreadExitedError)) throw error;
    } finally {
      await this.worker.terminate();
    }
  }
}

/** What the writer thread is started with. */
export interface ThreadOptions extends SqliteCoreOptions {
  /** How long the thread checks for the next call after answering one (see next-call.ts). */
  readonly spinMicros: number;
}

/**
 * Starts the thread from the file beside this module (`sqlite-thread.js`, or `.cjs` for the
 * CommonJS build). From the TypeScript sources (tests) it starts from their bundle (see
 * thread-bundle.cjs), so that the thread runs the same sources of the other packages as its caller.
 */
export function startWorker(options: ThreadOptions): Worker {
  const here = import.meta.url;
  const workerData: ThreadOptions = {
    filename: options.filename,
    synchronous: options.synchronous,
    spinMicros: options.spinMicros,
  };
  // The caller's flags (`--input-type`, loaders, `--eval`) are for its own program, and some would
  // stop the thread from starting: the thread, plain JavaScript, starts with none.
  if (here.endsWith('.ts')) {
    const { threadBundle } = createRequire(here)('./thread-bundle.cjs');
    const bundle = threadBundle(fileURLToPath(new URL('./sqlite-thread.ts', here)));
    return new Worker(bundle, { workerData, execArgv: [] });
  }
  const entry = here.endsWith('.cjs') ? './sqlite-thread.cjs' : './sqlite-thread.js';
  return new Worker(new URL(entry, here), { workerData, execArgv: [] });
}
