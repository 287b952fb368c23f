export { type Branch, CatchableChain, type NotSet } from './chain/catchable';
export { type AnyChain, Chain, type ChainEnded, from, type OutputOf, type VarsOf } from './chain/chain';
export {
  type Handler,
  type HandlerContext,
  type HasSchemas,
  withSchemaChecks,
} from './checks/schema-checks';
export {
  type AslDefinition,
  Workflow,
  type WorkflowBuilder,
  type WorkflowOptions,
  type WorkflowSchemas,
  workflow,
} from './compile/workflow';
export * from './errors';
export { type HashAlgorithm, States } from './intrinsics/states';
export { type JsonataExpression, jsonata, jsonataValue } from './jsonata/expression';
export { ChoiceChain, choice } from './states/choice';
export * from './states/conditions';
export { type FailConfig, fail } from './states/fail';
export { goto } from './states/goto';
export { map } from './states/map';
export { parallel } from './states/parallel';
export { pass } from './states/pass';
export { type RawOptions, type RawState, raw } from './states/raw';
export { type IntegrationPattern, lambda } from './states/resources';
export type { ErrorName, RetryOptions } from './states/retry-catch';
export {
  type ChildExecutionTask,
  type ChildMode,
  type ChildResult,
  type ExecutionFinished,
  type ExecutionStarted,
  type StartExecutionRequest,
  startExecution,
  startExecutionArn,
} from './states/start-execution';
export { task } from './states/task';
export { type SucceedConfig, succeed, wait } from './states/wait-succeed-fail';
export type { ContextObject, ErrorOutput } from './types/context';
export type { JsonValue, QueryLanguage, StepwiseTypeError } from './types/json';
export type { CheckReadPath, NoPath, ReadPath } from './types/read-path';
export type { Built, CheckTemplate, ResolveTemplate } from './types/template-paths';
