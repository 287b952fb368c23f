export { ActivityDoesNotExistError } from './activities/activity-errors';
export type { Activity, ActivityTask, GetActivityTaskOptions } from './activities/activity-registry';
export {
  InvalidTokenError,
  TaskDoesNotExistError,
  TaskTimedOutError,
  TaskTokenError,
} from './callbacks/callback-errors';
export {
  InvalidOutputError,
  InvalidTaskFailureError,
  OutputTooLargeError,
} from './callbacks/task-answer-checks';
export type { AbandonableCall, Clock } from './clock/clock';
export { createRealClock } from './clock/real-clock';
export { createVirtualClock, type VirtualClock, type VirtualClockOptions } from './clock/virtual-clock';
export * from './durable/index';
export type { DefinitionInput } from './engine/check-definition';
export type { Execution, ExecutionResult, StopReason } from './engine/execution-result';
export { createRuntime, type Runtime } from './engine/runtime';
export type {
  RegisterStateMachineOptions,
  RuntimeOptions,
  StartExecutionOptions,
} from './engine/runtime-options';
export { ErrorNames } from './errors/error-names';
export { OptionError } from './errors/option-error';
export {
  type DefinitionDiagnostic,
  ExecutionAlreadyExistsError,
  InvalidDefinitionError,
  InvalidExecutionInputError,
  RuntimeClosedError,
  StatesError,
  StoreWriteError,
  TaskFailedError,
} from './errors/runtime-errors';
export type { SyncExecutionResult } from './express/sync-execution';
export type { HistoryEvent, HistoryEventType } from './history/history-event';
export { MAX_HISTORY_EVENTS } from './history/history-recorder';
export type { HttpInvokeResult } from './integrations/http-invoke';
export type { HttpConnection } from './integrations/http-request';
export { type LambdaFunction, type LambdaFunctions, lambda } from './integrations/lambda-functions';
export type { ServiceHandler, ServiceHandlers } from './integrations/service-registry';
export { InvalidNameError, type NamedResource } from './machines/aws-names';
export { MAX_DURATION_SECONDS } from './machines/execution-limits';
export {
  StateMachineAlreadyExistsError,
  StateMachineDoesNotExistError,
  StateMachineTypeNotSupportedError,
} from './machines/machine-errors';
export type { StateMachine, StateMachineType } from './machines/state-machine-registry';
export { createArrayItemReader, createFileItemReader } from './map/file-item-reader';
export type { ItemReader, ItemReadRequest } from './map/item-reader';
export type { ResultWriteRequest, ResultWriter } from './map/result-writer';
export { createSeededRandom, type RandomSource } from './random/random';
export type { ExecutionRecord, ExecutionStatus, ExecutionStore } from './store/execution-store';
export { InMemoryExecutionStore, type InMemoryStoreOptions } from './store/memory-store';
export type { TaskContext, TaskHandler, TaskHandlerRoute, TaskHandlers } from './tasks/task-handler';
