import type { DurableStore } from '@stepwise/runtime';

type PromiseMethod = {
  [K in keyof DurableStore]-?: NonNullable<DurableStore[K]> extends (...args: never[]) => Promise<unknown>
    ? K
    : never;
}[keyof DurableStore];

/** The store's methods the core answers; `close` and `wake` belong to whoever holds the core. */
export type CoreMethod = Exclude<PromiseMethod, 'close' | 'wake'>;

/** `DurableStore` as the core serves it: the same calls, answered synchronously. */
export type SyncStore = {
  [K in CoreMethod]: (...args: Parameters<DurableStore[K]>) => Awaited<ReturnType<DurableStore[K]>>;
};

/** How `SqliteStore` reaches its core: on a writer thread, or directly on the calling thread. */
export interface CoreChannel {
  call<M extends CoreMethod>(method: M, ...args: Parameters<SyncStore[M]>): Promise<ReturnType<SyncStore[M]>>;
  /** Settles once every call made before it has, and the database is closed. */
  close(): Promise<void>;
}
