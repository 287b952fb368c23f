import { randomUUID } from 'node:crypto';
import {
  type Activity,
  ActivityRegistry,
  type ActivityTask,
  type GetActivityTaskOptions,
} from '../activities/activity-registry';
import { checkTaskFailure, outputJson } from '../callbacks/task-answer-checks';
import { isWellFormedTaskToken } from '../callbacks/task-token-format';
import { TaskTokenRegistry } from '../callbacks/task-tokens';
import { createRealClock } from '../clock/real-clock';
import { type ExecutionContextParts, executionContextParts } from '../dataflow/context-object';
import { ErrorNames } from '../errors/error-names';
import { ExecutionAlreadyExistsError } from '../errors/runtime-errors';
import { assertExpressCompatible } from '../express/express-rules';
import { type SyncExecutionResult, syncExecutionResult } from '../express/sync-execution';
import { HistoryRecorder, MAX_HISTORY_EVENTS } from '../history/history-recorder';
import { type LambdaFunction, lambda } from '../integrations/lambda-functions';
import type { Integrations } from '../integrations/resolve-target';
import { type ServiceHandler, ServiceRegistry } from '../integrations/service-registry';
import type { ChildStarter } from '../integrations/start-execution';
import { checkName } from '../machines/aws-names';
import { type Deadline, DeadlineQueue } from '../machines/deadline-queue';
import { MAX_DURATION_SECONDS } from '../machines/execution-limits';
import { StateMachineTypeNotSupportedError } from '../machines/machine-errors';
import { type StateMachine, StateMachineRegistry } from '../machines/state-machine-registry';
import type { ItemReader } from '../map/item-reader';
import { planFor } from '../plan/compile-definition';
import type { RawGraph } from '../plan/compiled-state';
import type { ExecutionRecord } from '../store/execution-store';
import { InMemoryExecutionStore } from '../store/memory-store';
import { StoreWrites } from '../store/store-writes';
import type { TaskHandler } from '../tasks/task-handler';
import { TaskRegistry } from '../tasks/task-registry';
import { checkDefinition, type DefinitionInput } from './check-definition';
import { ExecutionHandle } from './execution-handle';
import { identityMaker } from './execution-identity';
import { checkExecutionInput } from './execution-input';
import type { Execution, ExecutionResult } from './execution-result';
import type { RunContext } from './run-context';
import { runExecution } from './run-execution';
import type { RegisterStateMachineOptions, RuntimeOptions, StartExecutionOptions } from './runtime-options';
import { StopSource } from './stop-source';

export interface Runtime {
  /**
   * Starts an execution and returns at once; await `result()` for the outcome. `definition` may
   * also be the ARN of a state machine registered with `registerStateMachine`.
   */
  startExecution(definition: DefinitionInput, options?: StartExecutionOptions): Execution;
  /** Starts many executions of one definition. */
  startExecutions(definition: DefinitionInput, runs: readonly StartExecutionOptions[]): Execution[];
  /** Runs an execution to its end. */
  execute(definition: DefinitionInput, options?: StartExecutionOptions): Promise<ExecutionResult>;
  /** Adds a task handler for a resource (exact ARN, `*` glob or RegExp). */
  registerHandler(resource: string | RegExp, handler: TaskHandler): void;
  /** Adds a Lambda function, reachable by name or ARN (see `RuntimeOptions.lambdaFunctions`). */
  registerLambda(name: string, fn: LambdaFunction): void;
  /** Serves `arn:aws:states:::[aws-sdk:]<service>:<action>` (any pattern suffix). */
  registerService(service: string, action: string, handler: ServiceHandler): void;
  /** Makes a definition startable by ARN, including by `states:startExecution` from another execution. */
  registerStateMachine(
    name: string,
    definition: DefinitionInput,
    options?: RegisterStateMachineOptions,
  ): StateMachine;
  /**
   * Runs an Express execution to its end and answers as StartSyncExecution does. A registered
   * Standard state machine is refused with `StateMachineTypeNotSupportedError`.
   */
  startSyncExecution(
    definition: DefinitionInput,
    options?: StartExecutionOptions,
  ): Promise<SyncExecutionResult>;
  /** What the store holds about an execution (status, dates, output or error), started here or nested. */
  describeExecution(executionArn: string): Promise<ExecutionRecord | undefined>;
  /** Completes the task waiting on `taskToken` (callback or activity) with `output`. */
  sendTaskSuccess(taskToken: string, output: unknown): Promise<void>;
  /** Fails the task waiting on `taskToken` with `error` and `cause`. */
  sendTaskFailure(taskToken: string, error?: string, cause?: string): Promise<void>;
  /** Resets the HeartbeatSeconds timer of the task waiting on `taskToken`. */
  sendTaskHeartbeat(taskToken: string): Promise<void>;
  /** Creates an activity (idempotent by name) whose ARN Task states can name as their Resource. */
  createActivity(options: { readonly name: string }): Promise<Activity>;
  /**
   * Long-polls for work on an activity: resolves with `{ taskToken, input }` as soon as a task is
   * scheduled, or with `undefined` after 60 seconds or when `signal` fires.
   */
  getActivityTask(activityArn: string, options?: GetActivityTaskOptions): Promise<ActivityTask | undefined>;
}

export function createRuntime(options: RuntimeOptions = {}): Runtime {
  return buildRuntime(options, new TaskTokenRegistry(isWellFormedTaskToken));
}

/**
 * `createRuntime` with the registry of its task tokens given: the durable runtime keeps it, to
 * forget the tokens of an execution that leaves its memory (they are not closed: it goes on
 * elsewhere, or later).
 */
export function buildRuntime(options: RuntimeOptions, taskTokens: TaskTokenRegistry): Runtime {
  const clock = options.clock ?? createRealClock();
  const random = options.random ?? Math.random;
  const uuid = options.uuid ?? randomUUID;
  const store = options.store ?? new InMemoryExecutionStore();
  const tasks = new TaskRegistry(options.handlers);
  const itemReaders = new Map<string, ItemReader>(Object.entries(options.itemReaders ?? {}));
  const region = options.region ?? 'us-east-1';
  const accountId = options.accountId ?? '123456789012';
  const env = { random, uuid, now: () => clock.now() };
  const identityFor = identityMaker({ region, accountId, uuid, now: clock.now });
  // Running executions; finished ones are as known as the store keeps them (see store retention).
  const running = new Set<string>();
  let tokens = 0;
  const machines = new StateMachineRegistry(region, accountId);
  for (const [name, fn] of Object.entries(options.lambdaFunctions ?? {})) {
    const route = lambda(name, fn);
    tasks.register(route.resource, route.handler);
  }
  const startChild: ChildStarter = (request) => {
    const machine = machines.require(request.stateMachineArn);
    const startDate = new Date(clock.now());
    const execution = startExecution(machine.stateMachineArn, { input: request.input, name: request.name });
    let stopDate = startDate;
    execution.result().then(() => {
      stopDate = new Date(clock.now());
    });
    return {
      executionArn: execution.executionArn,
      name: execution.name,
      stateMachineArn: machine.stateMachineArn,
      startDate,
      result: () => execution.result(),
      stop: (cause) => execution.stop({ cause }),
      stopDate: () => stopDate,
      // Only a durable execution can be redriven.
      redriveCount: () => 0,
    };
  };
  const integrations: Integrations = {
    tasks,
    services: new ServiceRegistry(options.services),
    tokens: taskTokens,
    activities: new ActivityRegistry(clock, region, accountId),
    startChild,
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    httpConnections: options.httpConnections ?? {},
    region,
    accountId,
  };

  function exists(executionArn: string): boolean {
    if (running.has(executionArn)) return true;
    // A store that answers later (a database) cannot be asked here: start is synchronous.
    const held = store.getExecution(executionArn);
    return held !== undefined && !(held instanceof Promise);
  }

  function startExecution(
    definitionOrArn: DefinitionInput,
    startOptions: StartExecutionOptions = {},
  ): Execution {
    const { definition, start } = resolveStart(definitionOrArn, startOptions);
    const raw = checkDefinition(definition, options.validate ?? true) as RawGraph;
    const express = start.type === 'EXPRESS';
    if (express) assertExpressCompatible(raw);
    const keepHistory = !express || start.collectHistory === true;
    const plan = planFor(raw);
    const identity = identityFor(start);
    const input = start.input === undefined ? {} : start.input;
    // A resumed durable execution's input was checked when it first started.
    if (!start.journal) checkExecutionInput(input);
    if (exists(identity.executionArn)) throw new ExecutionAlreadyExistsError(identity.executionArn);
    running.add(identity.executionArn);
    let tokenPrefix: string | undefined;
    let contextParts: ExecutionContextParts | undefined;
    // A durable execution brings its own clock, randomness and tokens, so a resume replays them.
    const journal = start.journal;
    const runClock = journal?.clock ?? clock;
    // The 25,000-event quota is a Standard execution's; Express executions have none.
    const recorder = new HistoryRecorder(
      runClock.now,
      start.type === 'EXPRESS' ? Number.POSITIVE_INFINITY : MAX_HISTORY_EVENTS,
      journal,
      plan.expectedEvents,
    );
    if (journal) {
      recorder.preload(journal.prior.events, journal.prior.positions);
      journal.attach(recorder);
    }
    const run: RunContext = {
      identity,
      contextParts: () => {
        contextParts ??= executionContextParts(identity, input);
        return contextParts;
      },
      recorder,
      clock: runClock,
      random: journal?.random ?? random,
      randomAt: journal ? (lane) => journal.randomAt(lane) : undefined,
      storedHeartbeatAt: journal?.storedHeartbeatAt,
      env: journal ? { random: journal.random, uuid: journal.uuid, now: () => runClock.now() } : env,
      tasks,
      integrations,
      itemReaders,
      resultWriter: options.resultWriter,
      children: journal?.children,
      nested: journal?.nested,
      redrivenAt: journal?.redrivenAt,
      stop: new StopSource(),
      region,
      accountId,
      reserveTaskToken: journal ? (lane) => journal.taskToken(lane) : undefined,
      busyWhile: journal?.busyWhile,
      // Opaque and unique: the execution, encoded once, and a runtime-wide counter.
      nextTaskToken: (lane) => {
        if (journal && lane) return journal.taskToken(lane)();
        tokenPrefix ??= Buffer.from(identity.executionArn).toString('base64url');
        return `${tokenPrefix}.${++tokens}`;
      },
    };
    const writes = new StoreWrites(identity.executionArn);
    writes.write(() =>
      store.createExecution({
        executionArn: identity.executionArn,
        name: identity.name,
        stateMachineArn: identity.stateMachineArn,
        input,
        startDate: new Date(clock.now()),
        status: 'RUNNING',
      }),
    );
    // An in-process store reads the live history; others receive each event as it is recorded.
    // An Express execution keeps no history unless asked to.
    if (keepHistory) {
      if (store.attachHistory) store.attachHistory(identity.executionArn, recorder);
      else recorder.subscribe((event) => writes.write(() => store.appendEvent(identity.executionArn, event)));
    }
    const execution = runExecution(run, plan, input, store, writes);
    const limit = durationLimit(express, journal?.startTime, () =>
      execution.interrupt({ status: 'TIMED_OUT', error: ErrorNames.timeout }),
    );
    const handle = new ExecutionHandle(
      identity.executionArn,
      identity.name,
      execution,
      writes,
      keepHistory ? recorder : undefined,
    );
    const ended = () => {
      limit.cancel();
      running.delete(identity.executionArn);
    };
    execution.done.then((outcome) => {
      handle.ended(outcome);
      ended();
    }, ended);
    return handle;
  }

  // AWS's ceiling on an execution's duration: one shared timer per type on the runtime's clock.
  const deadlines = { STANDARD: new DeadlineQueue(clock), EXPRESS: new DeadlineQueue(clock) };

  function durationLimit(express: boolean, startedAt: number | undefined, expire: () => void): Deadline {
    const type = express ? 'EXPRESS' : 'STANDARD';
    const ms = MAX_DURATION_SECONDS[type] * 1000;
    // A resumed durable execution keeps the deadline of its first start.
    return deadlines[type].add(startedAt === undefined ? ms : startedAt + ms - clock.now(), expire);
  }

  /** A registered state machine's ARN stands for its definition, name and type. */
  function resolveStart(
    definition: DefinitionInput,
    start: StartExecutionOptions,
  ): { definition: DefinitionInput; start: StartExecutionOptions } {
    if (!isArn(definition)) return { definition, start };
    const machine = machines.require(definition);
    return {
      definition: machine.definition,
      start: {
        ...start,
        stateMachineArn: machine.stateMachineArn,
        stateMachineName: machine.name,
        type: machine.type,
      },
    };
  }

  async function startSyncExecution(
    definition: DefinitionInput,
    start: StartExecutionOptions = {},
  ): Promise<SyncExecutionResult> {
    const machine = isArn(definition) ? machines.require(definition) : undefined;
    if (machine && machine.type !== 'EXPRESS')
      throw new StateMachineTypeNotSupportedError(machine.stateMachineArn);
    const startDate = new Date(clock.now());
    const execution = startExecution(definition, { ...start, type: 'EXPRESS' });
    const result = await execution.result();
    const stateMachineArn =
      machine?.stateMachineArn ??
      start.stateMachineArn ??
      `arn:aws:states:${region}:${accountId}:stateMachine:${start.stateMachineName ?? 'StateMachine'}`;
    const input = start.input === undefined ? {} : start.input;
    const facts = {
      executionArn: execution.executionArn,
      stateMachineArn,
      name: execution.name,
      input,
      startDate,
    };
    return syncExecutionResult({ ...facts, stopDate: new Date(clock.now()) }, result);
  }

  return {
    startExecution,
    startExecutions: (definition, runs) => runs.map((run) => startExecution(definition, run)),
    execute: (definition, start) => startExecution(definition, start).result(),
    registerHandler: (resource, handler) => tasks.register(resource, handler),
    registerLambda(name, fn) {
      const route = lambda(name, fn);
      tasks.register(route.resource, route.handler);
    },
    registerService: (service, action, handler) => integrations.services.register(service, action, handler),
    registerStateMachine: (name, definition, registration = {}) => {
      const type = registration.type ?? 'STANDARD';
      // AWS refuses an invalid definition (or an Express one with callbacks) at creation.
      const raw = checkDefinition(definition, options.validate ?? true);
      if (type === 'EXPRESS') assertExpressCompatible(raw);
      return machines.register(name, definition, type, new Date(clock.now()));
    },
    startSyncExecution,
    describeExecution: async (executionArn) => store.getExecution(executionArn),
    sendTaskSuccess: async (token, output) => {
      // Checked as AWS does, though the value goes on as it is: a task's output must be JSON.
      outputJson(token, output);
      integrations.tokens.succeed(token, output);
    },
    sendTaskFailure: async (token, error, cause) => {
      checkTaskFailure(token, error, cause);
      integrations.tokens.fail(token, error, cause);
    },
    sendTaskHeartbeat: async (token) => integrations.tokens.heartbeat(token),
    createActivity: async ({ name }) => {
      checkName('activity', name);
      return integrations.activities.create(name);
    },
    getActivityTask: async (activityArn, pollOptions) =>
      integrations.activities.poll(activityArn, pollOptions),
  };
}

function isArn(definition: DefinitionInput): definition is string {
  return typeof definition === 'string' && definition.startsWith('arn:');
}
