import type { CommitResult, DurableStore } from '@stepwise/runtime';
import type { EncodedBatch } from './encoded-batch';

type PromiseMethod = {
  [K in keyof DurableStore]-?: NonNullable<DurableStore[K]> extends (...args: never[]) => Promise<unknown>
    ? K
    : never;
}[keyof DurableStore];

type StoreMethod = Exclude<PromiseMethod, 'close' | 'wake'>;

/**
 * `DurableStore` as the core serves it: the same calls, answered synchronously, and a commit of a
 * batch encoded by the caller (`close` and `wake` belong to whoever holds the core).
 */
export type SyncStore = {
  [K in StoreMethod]-?: (
    ...args: Parameters<NonNullable<DurableStore[K]>>
  ) => Awaited<ReturnType<NonNullable<DurableStore[K]>>>;
} & {
  commitEncoded(batch: EncodedBatch): CommitResult;
};

/** The methods the core answers. */
export type CoreMethod = keyof SyncStore;

/** How `SqliteStore` reaches its core: on a writer thread, or directly on the calling thread. */
export interface CoreChannel {
  call<M extends CoreMethod>(method: M, ...args: Parameters<SyncStore[M]>): Promise<ReturnType<SyncStore[M]>>;
  /** Settles once every call made before it has, and the database is closed. */
  close(): Promise<void>;
}
