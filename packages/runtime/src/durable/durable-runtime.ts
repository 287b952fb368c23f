import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { createRealClock } from '../clock/real-clock';
import type { DefinitionInput } from '../engine/check-definition';
import type { Execution } from '../engine/execution-result';
import { createRuntime, type Runtime } from '../engine/runtime';
import type { RuntimeOptions } from '../engine/runtime-options';
import { ExecutionAlreadyExistsError } from '../errors/runtime-errors';
import type { HistoryEvent } from '../history/history-event';
import type { TaskHandler } from '../tasks/task-handler';
import { CommitQueue } from './commit-queue';
import { DetachedExecutionStore } from './detached-store';
import { awaitStoredResult, type DurableExecution, resultOf } from './durable-execution';
import { createDurableJournal, type DurableJournal } from './durable-journal';
import type {
  AliasRoute,
  DurableStore,
  StoredAlias,
  StoredExecution,
  StoredStateMachine,
  StoredVersion,
} from './durable-store';
import { MachineCatalog } from './machine-catalog';
import { priorHistory, REDRIVEN } from './prior-history';
import { ExecutionNotRedrivableError } from './store-errors';
import { historyOf } from './stored-history';
import { startWorkerLoop, type Worker, type WorkerOptions } from './worker';

export interface DurableRuntimeOptions extends Omit<RuntimeOptions, 'store' | 'random' | 'uuid'> {
  readonly store: DurableStore;
  /** Names this runtime in leases; unique per process by default. */
  readonly owner?: string;
  /** How long a lease on a running execution lasts without renewal (default 30 s). */
  readonly leaseMs?: number;
  /** How often a handle polls for the end of an execution running elsewhere (default 100 ms). */
  readonly pollMs?: number;
}

export interface DurableStartOptions {
  readonly input?: unknown;
  readonly name?: string;
  readonly executionArn?: string;
  /** For a definition passed inline: the machine it is recorded under. */
  readonly stateMachineArn?: string;
  /** Leave the execution to whichever worker claims it first, rather than running it here. */
  readonly enqueue?: boolean;
}

export interface DurableRuntime {
  /** This runtime's name in leases. */
  readonly owner: string;
  /**
   * Resumes every running execution the store holds, from its last committed transition. Call it
   * once at start-up (a runtime on a shared store uses `startWorker` instead).
   */
  recover(): Promise<DurableExecution[]>;
  /** Starts an execution of a definition, or of a machine, version or alias ARN; resolves once durable. */
  startExecution(target: DefinitionInput, options?: DurableStartOptions): Promise<DurableExecution>;
  /** Restarts a FAILED, TIMED_OUT or ABORTED execution from the step that failed. */
  redriveExecution(executionArn: string): Promise<DurableExecution>;
  describeExecution(executionArn: string): Promise<StoredExecution | undefined>;
  getExecutionHistory(executionArn: string): Promise<HistoryEvent[]>;
  createStateMachine(name: string, definition: DefinitionInput): Promise<StoredStateMachine>;
  updateStateMachine(stateMachineArn: string, definition: DefinitionInput): Promise<StoredStateMachine>;
  publishStateMachineVersion(stateMachineArn: string, description?: string): Promise<StoredVersion>;
  /** Creates or updates an alias routing to one version, or two by weight. */
  putStateMachineAlias(
    stateMachineArn: string,
    name: string,
    routing: readonly AliasRoute[],
    description?: string,
  ): Promise<StoredAlias>;
  registerHandler(resource: string | RegExp, handler: TaskHandler): void;
  sendTaskSuccess(taskToken: string, output: unknown): Promise<void>;
  sendTaskFailure(taskToken: string, error?: string, cause?: string): Promise<void>;
  sendTaskHeartbeat(taskToken: string): Promise<void>;
  /** Claims and runs executions from a shared store, `concurrency` at a time. */
  startWorker(options?: WorkerOptions): Worker;
  /** How many executions this runtime is running. */
  readonly running: number;
  /** Commits what is pending, hands back every lease and stops running executions here. */
  close(): Promise<void>;
}

interface Live {
  readonly journal: DurableJournal;
  readonly execution: Execution;
}

export function createDurableRuntime(options: DurableRuntimeOptions): DurableRuntime {
  const { store } = options;
  const clock = options.clock ?? createRealClock();
  const owner = options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const leaseMs = options.leaseMs ?? 30_000;
  const pollMs = options.pollMs ?? 100;
  const region = options.region ?? 'us-east-1';
  const accountId = options.accountId ?? '123456789012';
  const inner: Runtime = createRuntime({ ...options, clock, store: new DetachedExecutionStore() });
  const catalog = new MachineCatalog(store, region, accountId, Math.random, options.validate ?? true);
  const live = new Map<string, Live>();
  const queue = new CommitQueue({ store, owner: store.shared ? owner : undefined, onRefused: handBack });
  let initialized: Promise<void> | undefined;
  let renewal: NodeJS.Timeout | undefined;
  const ready = () => {
    initialized ??= store.init();
    return initialized;
  };

  /** Runs (or resumes) an execution here; its lease is this runtime's. */
  function run(row: StoredExecution, definition: string, prior = priorHistory([])): DurableExecution {
    const journal = createDurableJournal({
      executionArn: row.executionArn,
      startTime: row.startTime,
      clock,
      queue,
      prior,
    });
    const execution = inner.startExecution(definition, {
      input: JSON.parse(row.input),
      name: row.name,
      executionArn: row.executionArn,
      stateMachineArn: row.stateMachineArn,
      stateMachineName: row.stateMachineArn.split(':')[6],
      redriveCount: row.redriveCount,
      journal,
    });
    const entry = { journal, execution };
    live.set(row.executionArn, entry);
    keepLeases();
    execution.result().then(() => {
      if (live.get(row.executionArn) === entry) live.delete(row.executionArn);
    });
    return handle(row.executionArn);
  }

  function handle(executionArn: string): DurableExecution {
    return {
      executionArn,
      result: async () => {
        const local = live.get(executionArn);
        if (local) {
          await local.execution.result();
          await queue.flushed().catch(() => {});
        }
        const row = await store.getExecution(executionArn);
        return (row && resultOf(row)) ?? awaitStoredResult(store, executionArn, pollMs);
      },
      history: async () => historyOf(await store.listEvents(executionArn)),
    };
  }

  /** Loads a running execution's history and definition and runs it from where it was. */
  async function resume(row: StoredExecution): Promise<DurableExecution> {
    let events = await store.listEvents(row.executionArn);
    let prior = priorHistory(events);
    if (prior.ended) {
      // Running, yet ended: a redrive whose ExecutionRedriven event had not been committed.
      queue.addEvent(redrivenEvent(row, events.length, clock.now()));
      await queue.flushed();
      events = await store.listEvents(row.executionArn);
      prior = priorHistory(events);
    }
    await store.clearTimers(row.executionArn);
    return run(row, await catalog.definitionText(row.definitionId), prior);
  }

  /** Stops running executions here without writing: another runtime takes them over. */
  function abandon(executionArns: readonly string[]): void {
    for (const arn of executionArns) {
      const entry = live.get(arn);
      if (!entry) continue;
      live.delete(arn);
      entry.journal.detach();
      entry.execution.stop({
        error: 'States.Runtime',
        cause: 'The execution was handed to another runtime.',
      });
    }
  }

  /** After a refused or failed commit, the executions resume from what the store holds. */
  function handBack(executionArns: readonly string[], error: unknown): void {
    const held = executionArns.filter((arn) => live.has(arn));
    abandon(held);
    if (error === undefined || held.length === 0) return;
    if (store.shared) void store.release(owner, held).catch(() => {});
    else setTimeout(() => void resumeArns(held), 1000).unref();
  }

  async function resumeArns(arns: readonly string[]): Promise<void> {
    for (const arn of arns) {
      const row = await store.getExecution(arn).catch(() => undefined);
      if (row?.status === 'RUNNING' && !live.has(arn)) await resume(row).catch(() => {});
    }
  }

  /** Leases of a shared store are renewed while this runtime runs executions. */
  function keepLeases(): void {
    if (!store.shared || renewal) return;
    renewal = setInterval(async () => {
      const arns = [...live.keys()];
      if (arns.length === 0) return;
      try {
        abandon(await store.renew(owner, arns, leaseMs, clock.now()));
      } catch {
        // The database is unreachable: the lease expires and another runtime resumes the work.
      }
    }, leaseMs / 3);
    renewal.unref();
  }

  async function startExecution(
    target: DefinitionInput,
    start: DurableStartOptions = {},
  ): Promise<DurableExecution> {
    await ready();
    const resolved = await catalog.resolve(
      target,
      start.stateMachineArn ?? catalog.machineArn('StateMachine'),
    );
    const name = start.name ?? randomUUID();
    const machineName = resolved.stateMachineArn.split(':')[6];
    const executionArn =
      start.executionArn ?? `arn:aws:states:${region}:${accountId}:execution:${machineName}:${name}`;
    if (live.has(executionArn) || (await store.getExecution(executionArn))) {
      throw new ExecutionAlreadyExistsError(executionArn);
    }
    const now = clock.now();
    const queued = workers > 0 || start.enqueue === true;
    const row: StoredExecution = {
      executionArn,
      name,
      stateMachineArn: resolved.stateMachineArn,
      versionArn: resolved.versionArn,
      definitionId: resolved.definitionId,
      input: JSON.stringify(start.input === undefined ? {} : start.input),
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
      return handle(executionArn);
    }
    queue.addExecution(row);
    const started = run(row, resolved.definition);
    await queue.flushed();
    return started;
  }

  async function redriveExecution(executionArn: string): Promise<DurableExecution> {
    await ready();
    const before = await store.getExecution(executionArn);
    if (!before) throw new ExecutionNotRedrivableError(executionArn, 'it does not exist.');
    const row = await store.redrive(executionArn, owner, leaseMs, clock.now());
    if (!row) throw new ExecutionNotRedrivableError(executionArn, `its status is ${before.status}.`);
    const events = await store.listEvents(executionArn);
    queue.addEvent(redrivenEvent(row, events.length, clock.now()));
    await queue.flushed();
    return resume(row);
  }

  let workers = 0;
  const lifecycle = {
    ready,
    claim: async (limit: number) => {
      const rows = await store.claim({ owner, limit, leaseMs, now: clock.now() });
      return Promise.all(rows.map((row) => resume(row)));
    },
    running: () => live.size,
    liveArns: () => [...live.keys()],
    settled: (arn: string) => live.get(arn)?.execution.result(),
    handBack: async (arns: readonly string[]) => {
      await queue.flushed().catch(() => {});
      abandon(arns);
      await store.release(owner, arns);
      await store.wake?.();
    },
  };

  return {
    owner,
    async recover() {
      await ready();
      const rows = await store.claim({
        owner,
        limit: Number.MAX_SAFE_INTEGER,
        leaseMs,
        now: clock.now(),
        takeOver: !store.shared,
      });
      return Promise.all(rows.filter((row) => !live.has(row.executionArn)).map((row) => resume(row)));
    },
    startExecution,
    redriveExecution,
    describeExecution: async (arn) => {
      await ready();
      return store.getExecution(arn);
    },
    getExecutionHistory: async (arn) => {
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
    sendTaskSuccess: (token, output) => inner.sendTaskSuccess(token, output),
    sendTaskFailure: (token, error, cause) => inner.sendTaskFailure(token, error, cause),
    sendTaskHeartbeat: (token) => inner.sendTaskHeartbeat(token),
    startWorker(workerOptions = {}) {
      workers++;
      const worker = startWorkerLoop(store, lifecycle, workerOptions);
      worker.stopped.then(() => {
        workers--;
      });
      return worker;
    },
    get running() {
      return live.size;
    },
    async close() {
      if (renewal) clearInterval(renewal);
      renewal = undefined;
      await queue.flushed().catch(() => {});
      const arns = [...live.keys()];
      abandon(arns);
      if (arns.length > 0 && initialized) await store.release(owner, arns).catch(() => {});
    },
  };
}

function redrivenEvent(row: StoredExecution, lastId: number, now: number) {
  return {
    executionArn: row.executionArn,
    id: lastId + 1,
    previousEventId: lastId,
    // Not a type the engine records: the durable layer writes it when a redrive begins.
    type: REDRIVEN as HistoryEvent['type'],
    time: now,
    position: `~redrive:${row.redriveCount}`,
    details: JSON.stringify({ redriveCount: row.redriveCount }),
  };
}
