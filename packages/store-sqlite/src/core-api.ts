import type { ClaimRequest, CommitResult, DurableStore, StoredTaskToken } from '@stepwise/runtime';
import type { EncodedBatch } from './encoded-batch';
import type { ClaimedRow } from './messages';

type PromiseMethod = {
  [K in keyof DurableStore]-?: NonNullable<DurableStore[K]> extends (...args: never[]) => Promise<unknown>
    ? K
    : never;
}[keyof DurableStore];

type StoreMethod = Exclude<PromiseMethod, 'close' | 'wake' | 'claim' | 'takeActivityTask'>;

/** A take of an activity task, with the executions whose unreadable task it failed on the way. */
export interface TakenTask {
  readonly task: StoredTaskToken | undefined;
  readonly failed: readonly string[];
}

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
  /** Claimed rows with an unreadable one's error as a payload (see ClaimedRow). */
  claim(request: ClaimRequest): ClaimedRow[];
  takeActivityTask(activityArn: string, workerName: string | undefined): TakenTask;
};

/** The methods the core answers. */
export type CoreMethod = keyof SyncStore;

/** How `SqliteStore` reaches its core: on a writer thread, or directly on the calling thread. */
export interface CoreChannel {
  call<M extends CoreMethod>(method: M, ...args: Parameters<SyncStore[M]>): Promise<ReturnType<SyncStore[M]>>;
  /** Settles once every call made before it has, and the database is closed. */
  close(): Promise<void>;
}
