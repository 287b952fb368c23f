export { type AppliedTaskSignals, hasUnappliedSignal } from './applied-signals';
export type { DurableExecution } from './durable-execution';
export {
  createDurableRuntime,
  type DurableRuntime,
  type DurableRuntimeOptions,
  type DurableStartOptions,
} from './durable-runtime';
export type {
  AliasRoute,
  ClaimedExecution,
  ClaimedRun,
  ClaimRequest,
  CommitBatch,
  CommitResult,
  DurableStatus,
  DurableStore,
  StoredAlias,
  StoredEvent,
  StoredExecution,
  StoredStateMachine,
  StoredTimer,
  StoredVersion,
  UnreadableExecution,
} from './durable-store';
export { DURABLE_STATUSES, isFencedFor, isUnreadable, timerAndTokenArns } from './durable-store';
export {
  type ChunkRow,
  checkFollows,
  chunksOf,
  decodeChunk,
  decodeHistory,
  type EncodedChunk,
  type EventChunk,
  encodeChunk,
  encodeChunks,
  MAX_EVENT_ID,
} from './event-chunks';
export { InMemoryDurableStore } from './memory-durable-store';
export { RetryableOnce } from './retryable-once';
export {
  aliasFrom,
  claimedFrom,
  claimedWithHistory,
  EXECUTION_COLUMNS,
  eventFrom,
  executionFrom,
  executionValues,
  type Row,
  timerFrom,
  versionFrom,
} from './row-mappers';
export { DurableRuntimeOptionError } from './runtime-options';
export {
  DuplicateTransitionError,
  DurableResourceNotFoundError,
  ExecutionNotRedrivableError,
  ExecutionNotStoppedError,
  ExecutionsNotResumedError,
  HistoryGapError,
  HistoryTooLongError,
  InvalidAliasRoutingError,
  InvalidArnError,
  InvalidStopReasonError,
  LeasesNotHandedBackError,
  SchemaVersionMismatchError,
  StoreCorruptionError,
  StoreTimeoutError,
} from './store-errors';
export type {
  ClosedTaskToken,
  OpenedTaskToken,
  StoredActivity,
  StoredTaskToken,
  StoreNotice,
  TaskAnswer,
  TaskSignalOutcome,
  TaskTokenState,
} from './stored-tasks';
export {
  activityFrom,
  activityTaskFrom,
  answerValues,
  taskSignalsFrom,
  taskTokenFrom,
  unreadableAnswer,
} from './task-rows';
export {
  endedRow,
  parseJson,
  parseJsonObject,
  type TerminalUpdate,
  terminalUpdate,
} from './terminal-status';
export type { StopOptions, Worker, WorkerOptions } from './worker';
