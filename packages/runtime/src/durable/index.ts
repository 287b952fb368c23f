export type { DurableExecution } from './durable-execution';
export {
  createDurableRuntime,
  type DurableRuntime,
  type DurableRuntimeOptions,
  type DurableStartOptions,
} from './durable-runtime';
export type {
  AliasRoute,
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
} from './durable-store';
export { InMemoryDurableStore } from './memory-durable-store';
export { aliasFrom, eventFrom, executionFrom, type Row, timerFrom, versionFrom } from './row-mappers';
export {
  DuplicateTransitionError,
  DurableResourceNotFoundError,
  ExecutionNotRedrivableError,
  InvalidAliasRoutingError,
  SchemaVersionMismatchError,
  StoreCorruptionError,
} from './store-errors';
export { parseJson, parseJsonObject, type TerminalUpdate, terminalUpdate } from './terminal-status';
export type { StopOptions, Worker, WorkerOptions } from './worker';
