import type { CoreChannel, CoreMethod, SyncStore } from './core-api';
import { SqliteStoreClosedError } from './errors';
import type { SqliteCore } from './sqlite-core';

/** The core called directly on the caller's thread (`thread: false`): each call blocks until SQLite returns. */
export class InlineCore implements CoreChannel {
  private closed = false;

  constructor(private readonly core: SqliteCore) {}

  call<M extends CoreMethod>(
    method: M,
    ...args: Parameters<SyncStore[M]>
  ): Promise<ReturnType<SyncStore[M]>> {
    if (this.closed) return Promise.reject(new SqliteStoreClosedError());
    try {
      const run = this.core[method] as (...a: Parameters<SyncStore[M]>) => ReturnType<SyncStore[M]>;
      return Promise.resolve(run.apply(this.core, args));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.core.close();
  }
}
