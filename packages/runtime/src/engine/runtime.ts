import { randomUUID } from 'node:crypto';
import { createRealClock } from '../clock/real-clock';
import { type ExecutionIdentity, executionContextParts } from '../dataflow/context-object';
import { ExecutionAlreadyExistsError } from '../errors/runtime-errors';
import { HistoryRecorder, MAX_HISTORY_EVENTS } from '../history/history-recorder';
import type { ItemReader } from '../map/item-reader';
import { planFor } from '../plan/compile-definition';
import type { RawGraph } from '../plan/compiled-state';
import { InMemoryExecutionStore } from '../store/memory-store';
import type { TaskHandler } from '../tasks/task-handler';
import { TaskRegistry } from '../tasks/task-registry';
import { checkDefinition, type DefinitionInput } from './check-definition';
import type { Execution, ExecutionResult } from './execution-result';
import type { RunContext } from './run-context';
import { runExecution } from './run-execution';
import type { RuntimeOptions, StartExecutionOptions } from './runtime-options';

export interface Runtime {
  /** Starts an execution and returns at once; await `result()` for the outcome. */
  startExecution(definition: DefinitionInput, options?: StartExecutionOptions): Execution;
  /** Starts many executions of one definition. */
  startExecutions(definition: DefinitionInput, runs: readonly StartExecutionOptions[]): Execution[];
  /** Runs an execution to its end. */
  execute(definition: DefinitionInput, options?: StartExecutionOptions): Promise<ExecutionResult>;
  /** Adds a task handler for a resource (exact ARN, `*` glob or RegExp). */
  registerHandler(resource: string | RegExp, handler: TaskHandler): void;
}

export function createRuntime(options: RuntimeOptions = {}): Runtime {
  const clock = options.clock ?? createRealClock();
  const random = options.random ?? Math.random;
  const uuid = options.uuid ?? randomUUID;
  const store = options.store ?? new InMemoryExecutionStore();
  const tasks = new TaskRegistry(options.handlers);
  const itemReaders = new Map<string, ItemReader>(Object.entries(options.itemReaders ?? {}));
  const region = options.region ?? 'us-east-1';
  const accountId = options.accountId ?? '123456789012';
  const env = { random, uuid };
  const known = new Set<string>();
  let tokens = 0;

  function startExecution(definition: DefinitionInput, start: StartExecutionOptions = {}): Execution {
    const raw = checkDefinition(definition, options.validate ?? true) as RawGraph;
    const plan = planFor(raw);
    const identity = identityFor(start);
    if (known.has(identity.executionArn)) throw new ExecutionAlreadyExistsError(identity.executionArn);
    known.add(identity.executionArn);
    const input = start.input === undefined ? {} : start.input;
    const controller = new AbortController();
    // The 25,000-event quota is a Standard execution's; Express executions have none.
    const recorder = new HistoryRecorder(
      clock.now,
      start.type === 'EXPRESS' ? Number.POSITIVE_INFINITY : MAX_HISTORY_EVENTS,
    );
    const run: RunContext = {
      identity,
      contextParts: executionContextParts(identity, input),
      recorder,
      clock,
      random,
      env,
      tasks,
      itemReaders,
      resultWriter: options.resultWriter,
      signal: controller.signal,
      region,
      accountId,
      nextTaskToken: () => `${Buffer.from(`${identity.executionArn}#${++tokens}`).toString('base64url')}`,
    };
    store.createExecution({
      executionArn: identity.executionArn,
      name: identity.name,
      stateMachineArn: identity.stateMachineArn,
      input,
      startDate: new Date(clock.now()),
      status: 'RUNNING',
    });
    recorder.subscribe((event) => store.appendEvent(identity.executionArn, event));
    const running = runExecution(run, controller, plan, input, store);
    let status: Execution['status'] = 'RUNNING';
    running.done.then((outcome) => {
      status = outcome.status;
    });
    return {
      executionArn: identity.executionArn,
      name: identity.name,
      get status() {
        return status;
      },
      result: () => running.done,
      history: () => recorder.events.slice(),
      events: () => recorder.stream(),
      stop: (reason) => running.interrupt({ status: 'ABORTED', ...reason }),
    };
  }

  function identityFor(start: StartExecutionOptions): ExecutionIdentity {
    const machineName = start.stateMachineName ?? 'StateMachine';
    const machineArn =
      start.stateMachineArn ?? `arn:aws:states:${region}:${accountId}:stateMachine:${machineName}`;
    const name = start.name ?? uuid();
    const kind = start.type === 'EXPRESS' ? 'express' : 'execution';
    const suffix = start.type === 'EXPRESS' ? `:${uuid()}` : '';
    return {
      executionArn:
        start.executionArn ?? `arn:aws:states:${region}:${accountId}:${kind}:${machineName}:${name}${suffix}`,
      name,
      roleArn: start.roleArn ?? `arn:aws:iam::${accountId}:role/StepFunctionsRole`,
      stateMachineArn: machineArn,
      stateMachineName: machineName,
      startTime: new Date(clock.now()).toISOString(),
      redriveCount: start.redriveCount ?? 0,
    };
  }

  return {
    startExecution,
    startExecutions: (definition, runs) => runs.map((run) => startExecution(definition, run)),
    execute: (definition, start) => startExecution(definition, start).result(),
    registerHandler: (resource, handler) => tasks.register(resource, handler),
  };
}
