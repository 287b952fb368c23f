import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { isWellFormedTaskToken } from '../callbacks/task-token-format';
import { TaskTokenRegistry } from '../callbacks/task-tokens';
import { createRealClock } from '../clock/real-clock';
import type { DefinitionInput } from '../engine/check-definition';
import { checkExecutionInput } from '../engine/execution-input';
import type { ExecutionResult, StopReason } from '../engine/execution-result';
import { buildRuntime } from '../engine/runtime';
import { ExecutionAlreadyExistsError, RuntimeClosedError } from '../errors/runtime-errors';
import { checkName } from '../machines/aws-names';
import type { ChildExecutionRunner } from '../map/child-executions';
import { checkArnArgument, checkStartArns, checkStopReason } from './api-checks';
import { boundedBy, settledWithin } from './bounded-wait';
import { CommitQueue } from './commit-queue';
import { DetachedExecutionStore } from './detached-store';
import type { DurableExecution } from './durable-execution';
import type { DurableRuntime, DurableRuntimeOptions, DurableStartOptions } from './durable-runtime-api';
import type { StoredExecution } from './durable-store';
import { DurableTasks } from './durable-tasks';
import { LeaseKeeper } from './lease-keeper';
import { type Live, LiveExecutions, redrivenEvent } from './live-executions';
import { MachineCatalog } from './machine-catalog';
import { mapChildRunner } from './map-children';
import { nestedExecutionStarter } from './nested-executions';
import { notRedrivableBecause } from './redrive-eligibility';
import { RetryableOnce } from './retryable-once';
import { checkRuntimeOptions, checkWorkerOptions } from './runtime-options';
import {
  DurableResourceNotFoundError,
  ExecutionNotRedrivableError,
  ExecutionsNotResumedError,
  LeasesNotHandedBackError,
  StoreTimeoutError,
} from './store-errors';
import { historyOf } from './stored-history';
import { TaskSignals } from './task-signals';
import { Unloader } from './unloader';
import { startWorkerLoop, type WorkerLoop } from './worker';

export type { DurableRuntime, DurableRuntimeOptions, DurableStartOptions } from './durable-runtime-api';

/** Why a copy of an execution stops here when another runtime stops the execution. */
const STOPPED_ELSEWHERE = 'The execution was stopped by another runtime.';

/**
 * A runtime whose Standard executions are event-sourced over a durable store: every transition is
 * committed, a restarted process resumes what was running, and executions that only wait leave
 * memory until they are due.
 */
export function createDurableRuntime(options: DurableRuntimeOptions): DurableRuntime {
  checkRuntimeOptions(options);
  const { store } = options;
  const clock = options.clock ?? createRealClock();
  const owner = options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const leaseMs = options.leaseMs ?? 30_000;
  const region = options.region ?? 'us-east-1';
  const accountId = options.accountId ?? '123456789012';
  const taskTokens = new TaskTokenRegistry(isWellFormedTaskToken);
  const inner = buildRuntime({ ...options, clock, store: new DetachedExecutionStore() }, taskTokens);
  const catalog = new MachineCatalog(store, region, accountId, Math.random, options.validate ?? true);
  const live = new Map<string, Live>();
  /** Executions started here whose first commit has not landed yet. */
  const starting = new Set<string>();
  const isLive = (arn: string) => live.has(arn);
  /** Parents waiting on children (of their Map Runs, or nested) that run elsewhere, with how many each waits on. */
  const waitingOnChildren = new Map<string, number>();
  const waitingOn = (parentArn: string, change: 1 | -1) => {
    const count = (waitingOnChildren.get(parentArn) ?? 0) + change;
    if (count > 0) waitingOnChildren.set(parentArn, count);
    else waitingOnChildren.delete(parentArn);
  };
  let closed = false;
  const queue = new CommitQueue({
    store,
    clock,
    owner: store.shared ? owner : undefined,
    onRefused: (arns, error) => lives.handBack(arns, error),
    onCommitted: (batch) => {
      for (const opened of batch.tokensOpened ?? []) {
        if (opened.activityArn !== undefined) tasks.activityScheduled(opened.activityArn);
      }
    },
  });
  const flushed = () => queue.flushed();
  const signals = new TaskSignals(store, inner, isLive, queue, taskTokens);
  const tasks = new DurableTasks({
    ...{ store, inner, clock, region, accountId, signals, isLive, flushed },
    // In one process the store cannot tell anyone else: an unloaded execution is woken here.
    signalled: () => {
      if (!store.shared) void unloader.wakeDue();
    },
  });
  const lives: LiveExecutions = new LiveExecutions(live, {
    ...{ store, inner, taskTokens, clock, queue, owner, leaseMs, catalog, tasks, signals },
    pollMs: options.pollMs ?? 100,
    roleArn: options.roleArn,
    onRun: () => {
      leases.start();
      unloader.watch();
    },
    isClosed: () => closed,
    children: (parentArn, parentRedrivenAt, parentLetGo): ChildExecutionRunner =>
      mapChildRunner(parentArn, {
        isLive,
        parentLetGo,
        parentRedrivenAt,
        find: (arn) => store.getExecution(arn),
        redrive: (arn) => redriveExecution(arn),
        start: ({ definition, input }, child) => startExecution(definition, { ...child, input }, true),
        outcome: (arn, signal): Promise<ExecutionResult> => lives.outcome(arn, signal),
        stop: (arn, cause) => lives.stop(arn, { cause }),
        waiting: waitingOn,
      }),
    nested: (parentArn, parentLetGo) =>
      nestedExecutionStarter({
        ...{ region, accountId, parentLetGo, isLive },
        waiting: (change) => waitingOn(parentArn, change),
        machineOf: async (target) => {
          // Only a state machine's ARN (or a version's or alias's) names one here.
          if (!target.startsWith('arn:')) throw new DurableResourceNotFoundError('state machine', target);
          return (await catalog.resolve(target, target)).stateMachineArn;
        },
        find: (arn) => store.getExecution(arn),
        start: (target, name, input) => startExecution(target, { name, input }, true),
        outcome: (arn, signal) => lives.outcome(arn, signal),
        stop: (arn, cause) => lives.stop(arn, { cause }),
      }),
  });
  const leases = new LeaseKeeper({
    ...{ store, owner, leaseMs, clock },
    // An execution that ended here keeps its lease until its end is committed: no claim takes it.
    liveArns: () => lives.heldArns().filter((arn) => !starting.has(arn)),
    lost: (arns) => lives.abandon(arns),
    // Only the executions running here are swept (those ending have nothing left to apply).
    afterRenewal: (arns) => signals.sweep(arns),
  });
  /** Workers of this runtime that are stopping: meanwhile it wakes only what its executions await. */
  let draining = 0;
  let workers = 0;
  const started = new Set<WorkerLoop>();
  /** The due time last told to other processes' workers. */
  let announced: number | undefined;
  const unloader = new Unloader({
    ...{ store, owner, leaseMs, clock, lives, flushed },
    applied: (arn) => signals.appliedTo(arn),
    unloadAfterMs: options.unloadAfterMs ?? 30_000,
    // With workers, what falls due is theirs to claim, within their concurrency; the runtime
    // itself wakes only the children its executions wait on, which must run even when every
    // slot holds a waiting parent.
    wakeOnly: () => (draining > 0 || workers > 0 ? lives.awaited() : undefined),
    leftToWorkers: (due) => {
      let room = false;
      for (const worker of started) room = worker.nudge() || room;
      // None here can take it: the workers of other processes are told, once for each due time
      // (each runtime that hears it and has no room tells them once too, and no more).
      if (!room && store.shared && due !== announced) {
        announced = due;
        void store.wake?.().catch(() => {});
      }
    },
  });
  const unsubscribe: (() => void)[] = [];
  // A store that could not be reached at first may be reached by the next call.
  const initialization = new RetryableOnce(() =>
    store.init().then(() => {
      // Other processes answer tasks, schedule activity tasks and wake unloaded executions.
      const notices = store.onNotice?.((notice) => {
        if (notice.kind === 'activity') tasks.activityScheduled(notice.activityArn);
        // Another runtime is stopping it: let it go once the store confirms the lease is gone.
        // Its children are stopped by the stopper, once the end of the parent is committed.
        else if (notice.kind === 'seized') {
          if (!isLive(notice.executionArn)) return;
          void leases.check([notice.executionArn]).then((lost) => lives.abandon(lost, STOPPED_ELSEWHERE));
        } else void signals.sweep([notice.executionArn]).catch(() => {});
      });
      const wakes = store.onWake?.(() => {
        if (unloader.unloadedAny) void unloader.wakeDue();
      });
      for (const stop of [notices, wakes]) if (stop) unsubscribe.push(stop);
    }),
  );
  const ready = () => initialization.run();
  /** Starts in progress here, by ARN, with their input. */
  const startsUnderWay = new Map<
    string,
    { readonly input: string; readonly started: Promise<DurableExecution> }
  >();

  /**
   * `asChild`: a Map Run's child or a nested execution, whose ARN the caller made sure is free. It
   * runs here, beside its parent, rather than queued for any worker: a worker full of waiting
   * parents still runs them.
   */
  async function startExecution(
    target: DefinitionInput,
    start: DurableStartOptions = {},
    asChild = false,
  ): Promise<DurableExecution> {
    if (closed) throw new RuntimeClosedError();
    if (start.name !== undefined) checkName('execution', start.name);
    checkStartArns(start);
    checkExecutionInput(start.input === undefined ? {} : start.input);
    await ready();
    const resolved = await catalog.resolve(
      target,
      start.stateMachineArn ?? catalog.machineArn('StateMachine'),
    );
    const name = start.name ?? randomUUID();
    const machineName = resolved.stateMachineArn.split(':')[6];
    const executionArn =
      start.executionArn ?? `arn:aws:states:${region}:${accountId}:execution:${machineName}:${name}`;
    // A name the runtime drew (a random UUID) cannot be taken: the store is asked only about
    // names and ARNs the caller chose, which spares a round trip on most starts.
    const chosen = !asChild && (start.name !== undefined || start.executionArn !== undefined);
    const input = JSON.stringify(start.input === undefined ? {} : start.input);
    // A start of the same name under way here answers this one as the store's row would once
    // written: with that execution for the same input, refused for another.
    const racing = startsUnderWay.get(executionArn);
    if (racing) {
      if (racing.input !== input) throw new ExecutionAlreadyExistsError(executionArn);
      return racing.started;
    }
    let answer: (outcome: DurableExecution | Promise<never>) => void = () => {};
    const reserved = new Promise<DurableExecution>((resolve) => {
      answer = resolve;
    });
    // Only a racing start reads it.
    reserved.catch(() => {});
    startsUnderWay.set(executionArn, { input, started: reserved });
    const settle = (handle: DurableExecution) => {
      answer(handle);
      return handle;
    };
    try {
      const existing = chosen ? await store.getExecution(executionArn) : undefined;
      // As AWS's StartExecution: the name of a running execution, with the same input, answers with
      // that execution; any other use of a taken name is refused.
      if (existing?.status === 'RUNNING' && existing.input === input)
        return settle(lives.handle(executionArn));
      if (existing || live.has(executionArn)) throw new ExecutionAlreadyExistsError(executionArn);
      const now = clock.now();
      const queued = !asChild && (workers > 0 || start.enqueue === true);
      const row: StoredExecution = {
        executionArn,
        name,
        stateMachineArn: resolved.stateMachineArn,
        versionArn: resolved.versionArn,
        definitionId: resolved.definitionId,
        input,
        startTime: now,
        status: 'RUNNING',
        stopTime: undefined,
        output: undefined,
        error: undefined,
        cause: undefined,
        redriveCount: 0,
        owner: queued ? undefined : owner,
        leaseExpires: queued ? undefined : now + leaseMs,
      };
      if (queued) {
        // Workers are running: the execution is queued for whichever claims it first.
        await store.commit({
          executions: [row],
          events: [],
          timersSet: [],
          timersCleared: [],
          owner: undefined,
        });
        await store.wake?.();
        return settle(lives.handle(executionArn));
      }
      await tasks.ensureActivities(resolved.definitionId, resolved.definition);
      // Closed meanwhile (a Map Run's child started as its parent was let go): nothing runs.
      if (closed) throw new RuntimeClosedError();
      queue.addExecution(row);
      const started = lives.run(row, resolved.definition);
      const entry = live.get(executionArn);
      // Until its row is committed the store holds no lease to renew: a renewal meanwhile must not
      // take the missing row for a lease lost.
      starting.add(executionArn);
      try {
        await queue.flushed();
      } finally {
        starting.delete(executionArn);
      }
      // The store found the ARN taken (another runtime started the name since it was checked) and
      // left this start out: its copy here was let go.
      if (entry?.stale) throw new ExecutionAlreadyExistsError(executionArn);
      return settle(started);
    } catch (error) {
      answer(Promise.reject(error));
      throw error;
    } finally {
      if (startsUnderWay.get(executionArn)?.started === reserved) startsUnderWay.delete(executionArn);
    }
  }

  async function stopExecution(executionArn: string, reason: Readonly<StopReason> = {}) {
    checkArnArgument('executionArn', executionArn);
    checkStopReason(executionArn, reason);
    await ready();
    const row = await lives.stop(executionArn, reason);
    if (!row) throw new DurableResourceNotFoundError('execution', executionArn);
    return { stopDate: new Date(row.stopTime ?? clock.now()) };
  }

  async function redriveExecution(executionArn: string): Promise<DurableExecution> {
    checkArnArgument('executionArn', executionArn);
    await ready();
    const before = await store.getExecution(executionArn);
    if (!before) throw new ExecutionNotRedrivableError(executionArn, 'it does not exist.');
    // Read before the redrive: an ended execution's history does not grow meanwhile.
    let events = await store.listEvents(executionArn);
    const refused = notRedrivableBecause(before, events.length, clock.now());
    if (refused) throw new ExecutionNotRedrivableError(executionArn, refused);
    // As startExecution: a closed runtime changes nothing in the store.
    if (closed) throw new RuntimeClosedError();
    const row = await store.redrive(executionArn, owner, leaseMs, clock.now());
    if (!row) throw new ExecutionNotRedrivableError(executionArn, `it is no longer ${before.status}.`);
    // Another redrive came between the read and this one (and its run ended again): the history
    // grew meanwhile. Now that this runtime holds the execution it grows no more, and is read again.
    if (row.redriveCount !== before.redriveCount + 1) events = await store.listEvents(executionArn);
    queue.addEvent(redrivenEvent(row, events.length, clock.now()));
    await queue.flushed();
    return lives.resume(row);
  }

  const lifecycle = {
    ready,
    claim: async (limit: number, wanted: () => boolean) => {
      const rows = await lives.claim({ owner, limit, leaseMs, now: clock.now() });
      if (wanted()) return lives.resumeAll(rows);
      // The worker stopped while the store answered: what it took goes back at once.
      const late = rows.map((row) => row.executionArn);
      if (late.length > 0) await store.release(owner, late).catch(() => {});
      return [];
    },
    patienceMs: leaseMs,
    // A parent waiting on children that run elsewhere (resumed by other workers after a crash)
    // holds no worker slot: those children may need it.
    running: () => live.size - waitingOnChildren.size,
    liveArns: () => [...live.keys()],
    settled: (arn: string) => live.get(arn)?.execution.result(),
    draining: () => {
      draining++;
      return {
        woken: unloader.settled(),
        // What fell due meanwhile is woken at the unloader's next look (it looks again shortly
        // while a due execution is left in the store), as a runtime without workers does.
        end: () => {
          draining--;
        },
      };
    },
    handBack: async (arns: readonly string[]) => {
      // A store that stops answering holds the stop for leaseMs at most: the leases expire then.
      const waited = (work: Promise<unknown>, operation: string) =>
        boundedBy(work, leaseMs, () => new StoreTimeoutError(operation, leaseMs));
      try {
        // What ended during a drain is committed before the worker counts as stopped.
        await waited(queue.flushed(), 'the last commits').catch((error) => {
          if (error instanceof StoreTimeoutError) throw error;
        });
        if (arns.length === 0) return;
        lives.abandon(arns);
        await waited(store.release(owner, arns), 'the release of the leases');
      } catch (error) {
        lives.abandon(arns);
        throw new LeasesNotHandedBackError(arns, leaseMs, error);
      }
      // Workers elsewhere also poll: a wake that is not sent only delays them, and one the store
      // never answers must not hold the stop.
      if (store.wake) await settledWithin(store.wake(), leaseMs);
    },
  };

  return {
    owner,
    async recover() {
      await ready();
      const rows = await lives.claim({
        owner,
        limit: Number.MAX_SAFE_INTEGER,
        leaseMs,
        now: clock.now(),
        takeOver: !store.shared,
      });
      const taken = rows.filter((row) => !lives.runsHere(row.executionArn));
      const outcomes = await Promise.allSettled(taken.map((row) => lives.resume(row)));
      // Executions unloaded before the restart wake when they are due, whatever failed to resume.
      unloader.wakeAt(await store.nextWake());
      const failures = outcomes.flatMap((outcome, i) =>
        outcome.status === 'rejected'
          ? [{ executionArn: taken[i]?.executionArn as string, error: outcome.reason as unknown }]
          : [],
      );
      // Closed meanwhile: that is the answer, not what it left unresumed.
      const closedMeanwhile = failures.find((failure) => failure.error instanceof RuntimeClosedError);
      if (closedMeanwhile) throw closedMeanwhile.error;
      if (failures.length === 1) throw failures[0]?.error;
      if (failures.length > 1) throw new ExecutionsNotResumedError(failures);
      return outcomes.map((outcome) => (outcome as PromiseFulfilledResult<DurableExecution>).value);
    },
    startExecution,
    stopExecution,
    redriveExecution,
    describeExecution: async (arn) => {
      checkArnArgument('executionArn', arn);
      await ready();
      return store.getExecution(arn);
    },
    getExecutionHistory: async (arn) => {
      checkArnArgument('executionArn', arn);
      await ready();
      return historyOf(await store.listEvents(arn));
    },
    createStateMachine: async (name, definition) => {
      await ready();
      return catalog.createStateMachine(name, definition, clock.now());
    },
    updateStateMachine: async (arn, definition) => {
      await ready();
      return catalog.updateStateMachine(arn, definition);
    },
    publishStateMachineVersion: async (arn, description) => {
      await ready();
      return catalog.publishVersion(arn, description, clock.now());
    },
    putStateMachineAlias: async (arn, name, routing, description) => {
      await ready();
      return catalog.putAlias(arn, name, routing, description);
    },
    registerHandler: (resource, handler) => inner.registerHandler(resource, handler),
    sendTaskSuccess: async (token, output) => {
      await ready();
      return tasks.sendTaskSuccess(token, output);
    },
    sendTaskFailure: async (token, error, cause) => {
      await ready();
      return tasks.sendTaskFailure(token, error, cause);
    },
    sendTaskHeartbeat: async (token) => {
      await ready();
      return tasks.sendTaskHeartbeat(token);
    },
    createActivity: async ({ name }) => {
      checkName('activity', name);
      await ready();
      return tasks.createActivity(name);
    },
    getActivityTask: async (activityArn, pollOptions) => {
      await ready();
      return tasks.getActivityTask(activityArn, pollOptions);
    },
    startWorker(workerOptions = {}) {
      if (closed) throw new RuntimeClosedError();
      checkWorkerOptions(workerOptions);
      workers++;
      // Executions other runtimes let leave memory fall due too: the runtime sleeps until the
      // earliest, to tell its workers then, rather than leave them to the workers' next poll.
      void ready()
        .then(() => store.nextWake())
        .then((at) => unloader.wakeAt(at))
        .catch(() => {});
      const worker = startWorkerLoop(store, lifecycle, workerOptions);
      started.add(worker);
      worker.stopped.then(() => {
        workers--;
        started.delete(worker);
      });
      return worker;
    },
    get running() {
      return live.size;
    },
    async close() {
      closed = true;
      // Its workers stop claiming and hand back what they run, as stop() does.
      await Promise.all([...started].map((worker) => worker.stop().catch(() => {})));
      for (const stop of unsubscribe.splice(0)) stop();
      leases.stop();
      unloader.close();
      lives.close();
      // A store that stops answering holds each wait for leaseMs at most: the leases expire then.
      await settledWithin(queue.flushed(), leaseMs);
      const arns = [...live.keys()];
      lives.abandon(arns);
      // What an execution recorded while that commit was in flight (a task's submission, say)
      // lands before close returns: a runtime opened next on the store must see all of it.
      await settledWithin(queue.flushed(), leaseMs);
      if (arns.length > 0 && initialization.started) await settledWithin(store.release(owner, arns), leaseMs);
    },
  };
}
