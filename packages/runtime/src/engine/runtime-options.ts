import type { Clock } from '../clock/clock';
import type { ExecutionJournal } from '../durable/execution-journal';
import type { HttpConnection } from '../integrations/http-request';
import type { LambdaFunctions } from '../integrations/lambda-functions';
import type { ServiceHandlers } from '../integrations/service-registry';
import type { ItemReader } from '../map/item-reader';
import type { ResultWriter } from '../map/result-writer';
import type { RandomSource } from '../random/random';
import type { ExecutionStore } from '../store/execution-store';
import type { TaskHandlers } from '../tasks/task-handler';

export interface RuntimeOptions {
  /** Task handlers by resource ARN (exact or `*` glob), or a list of routes. */
  readonly handlers?: TaskHandlers;
  /**
   * Lambda functions by name, reached by name or ARN (with any qualifier) both as a Task's
   * Resource and through `arn:aws:states:::lambda:invoke`.
   */
  readonly lambdaFunctions?: LambdaFunctions;
  /** Handlers for AWS service integrations by service and action: `{ sqs: { sendMessage } }`. */
  readonly services?: ServiceHandlers;
  /** The fetch http:invoke uses; the global fetch by default. */
  readonly fetch?: typeof fetch;
  /** What each EventBridge connection (`Authentication.ConnectionArn`) adds to HTTP requests. */
  readonly httpConnections?: Readonly<Record<string, HttpConnection>>;
  /** Defaults to the wall clock; pass `createVirtualClock()` to skip waits. */
  readonly clock?: Clock;
  /** Randomness for retry jitter and intrinsic functions; defaults to `Math.random`. */
  readonly random?: RandomSource;
  /** Generates UUIDs (execution names, States.UUID, task tokens); defaults to crypto.randomUUID. */
  readonly uuid?: () => string;
  readonly store?: ExecutionStore;
  /** Distributed Map item readers by ItemReader `Resource`. */
  readonly itemReaders?: Readonly<Record<string, ItemReader>>;
  readonly resultWriter?: ResultWriter;
  readonly region?: string;
  readonly accountId?: string;
  /** Validate definitions before running them (default true). */
  readonly validate?: boolean;
}

export interface StartExecutionOptions {
  readonly input?: unknown;
  /** The execution name; a UUID by default. */
  readonly name?: string;
  /** The full execution ARN, when the caller fixes it (it wins over name-derived ARNs). */
  readonly executionArn?: string;
  readonly stateMachineName?: string;
  readonly stateMachineArn?: string;
  readonly roleArn?: string;
  /**
   * STANDARD (default) or EXPRESS: Express executions have the Express ARN form, a five-minute
   * limit, only request-response integrations, and keep no history unless `collectHistory` is set.
   * Starting a registered state machine by ARN takes its type from the registration.
   */
  readonly type?: 'STANDARD' | 'EXPRESS';
  /**
   * Keep an Express execution's history anyway (for debugging); `history()` and `events()` are
   * empty without it. Standard executions always keep theirs.
   */
  readonly collectHistory?: boolean;
  readonly redriveCount?: number;
  /** Set by a durable runtime: persists the execution and resumes it after a restart. */
  readonly journal?: ExecutionJournal;
}

export interface RegisterStateMachineOptions {
  /** STANDARD by default. */
  readonly type?: 'STANDARD' | 'EXPRESS';
}
