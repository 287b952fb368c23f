export type { Clock } from './clock/clock';
export { createRealClock } from './clock/real-clock';
export { createVirtualClock, type VirtualClock } from './clock/virtual-clock';
export type { DefinitionInput } from './engine/check-definition';
export type { Execution, ExecutionResult } from './engine/execution-result';
export { createRuntime, type Runtime } from './engine/runtime';
export type { RuntimeOptions, StartExecutionOptions } from './engine/runtime-options';
export { ErrorNames } from './errors/error-names';
export {
  type DefinitionDiagnostic,
  ExecutionAlreadyExistsError,
  InvalidDefinitionError,
  StatesError,
  TaskFailedError,
} from './errors/runtime-errors';
export type { HistoryEvent, HistoryEventType } from './history/history-event';
export { MAX_HISTORY_EVENTS } from './history/history-recorder';
export { createArrayItemReader, createFileItemReader } from './map/file-item-reader';
export type { ItemReader, ItemReadRequest } from './map/item-reader';
export type { ResultWriteRequest, ResultWriter } from './map/result-writer';
export { createSeededRandom, type RandomSource } from './random/random';
export type { ExecutionRecord, ExecutionStatus, ExecutionStore } from './store/execution-store';
export { InMemoryExecutionStore } from './store/memory-store';
export type { TaskContext, TaskHandler, TaskHandlerRoute, TaskHandlers } from './tasks/task-handler';
