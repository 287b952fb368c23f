import { describe, expect, it } from 'vitest';
import { createDurableRuntime } from './durable-runtime';
import { distributedMap } from './map-children.fixtures';
import { InMemoryDurableStore } from './memory-durable-store';
import { LeasesNotHandedBackError } from './store-errors';
import { until } from './until.fixtures';
import { startWorkerLoop, type WorkerHost } from './worker';

/** A store that several runtimes share, as PostgreSQL is. */
class SharedStore extends InMemoryDurableStore {
  override readonly shared = true;
}

/** A shared store that tells every runtime on it of work, as PostgreSQL's NOTIFY does. */
class NotifyingStore extends SharedStore {
  private readonly listeners = new Set<() => void>();
  onWake(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  async wake(): Promise<void> {
    for (const listener of this.listeners) listener();
  }
}

const blocker = 'arn:aws:lambda:us-east-1:123456789012:function:blocker';
/** One Task of `blocker`, which holds its worker's slot until released. */
const holding = { StartAt: 'Hold', States: { Hold: { Type: 'Task', Resource: blocker, End: true } } };

/** The handler of `blocker`: every call answers once `release()` is called. */
function heldSlot() {
  let release: () => void = () => {};
  const held = new Promise<string>((resolve) => {
    release = () => resolve('released');
  });
  return { handler: () => held, release: () => release() };
}

const fn = 'arn:aws:lambda:us-east-1:123456789012:function:after-nap';

/** Waits until `due`, leaving memory meanwhile, then runs one Task (of `resource`). */
const napThenWork = (due: number, resource = fn) => ({
  StartAt: 'Nap',
  States: {
    Nap: { Type: 'Wait', Timestamp: new Date(due).toISOString(), Next: 'Work' },
    Work: { Type: 'Task', Resource: resource, End: true },
  },
});

/** A handler that takes 30 ms and counts how many of its calls ran at once. */
function countedWork() {
  let running = 0;
  const seen = { most: 0, calls: 0 };
  const handler = async () => {
    seen.most = Math.max(seen.most, ++running);
    seen.calls++;
    await new Promise((resolve) => setTimeout(resolve, 30));
    running--;
    return 'worked';
  };
  return { seen, handler };
}

const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

describe('a worker', () => {
  it('stops with its runtime: close() ends its claims', async () => {
    const runtime = createDurableRuntime({ store: new InMemoryDurableStore() });
    const worker = runtime.startWorker({ pollMs: 10 });
    await runtime.close();
    let stopped = false;
    void worker.stopped.then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(stopped).toBe(true);
    expect(() => runtime.startWorker()).toThrow(/closed/);
  });

  it('leaves no drain timer behind once everything it ran has ended', async () => {
    const before = timers();
    const runtime = createDurableRuntime({ store: new InMemoryDurableStore() });
    const worker = runtime.startWorker({ pollMs: 10 });
    const pass = { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } };
    const run = await runtime.startExecution(pass, { enqueue: true });
    expect((await run.result()).status).toBe('SUCCEEDED');
    await worker.stop({ drainMs: 60_000 });
    expect(timers()).toBeLessThanOrEqual(before);
    await runtime.close();
  });

  it('once stopped, leaves what falls due to its runtime, which wakes it as one without workers does', async () => {
    const store = new SharedStore();
    const work = countedWork();
    const runtime = createDurableRuntime({ store, unloadAfterMs: 20, handlers: { [fn]: work.handler } });
    const worker = runtime.startWorker({ concurrency: 4, pollMs: 20 });
    const due = Date.now() + 300;
    const runs = await Promise.all(
      Array.from({ length: 3 }, () => runtime.startExecution(napThenWork(due), { enqueue: true })),
    );
    // Claimed by the worker, then left memory to wait.
    await until(() => runtime.running === 3);
    await until(() => runtime.running === 0);
    expect(runtime.running).toBe(0);
    await worker.stop();
    const results = await Promise.all(runs.map((run) => run.result()));
    expect(results.map((result) => result.status)).toEqual(runs.map(() => 'SUCCEEDED'));
    expect(work.seen.calls).toBe(3);
    await runtime.close();
  });

  it('keeps a wake that comes while it claims, and looks again rather than sleeping until its next poll', async () => {
    class SlowClaims extends NotifyingStore {
      // The rows are read first: what is queued during the wait is not among them.
      override async claim(request: Parameters<SharedStore['claim']>[0]) {
        const rows = await super.claim(request);
        await new Promise((resolve) => setTimeout(resolve, 200));
        return rows;
      }
    }
    const runtime = createDurableRuntime({ store: new SlowClaims() });
    const worker = runtime.startWorker({ pollMs: 60_000 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const pass = { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } };
    const run = await runtime.startExecution(pass, { enqueue: true });
    expect((await run.result()).status).toBe('SUCCEEDED');
    await worker.stop();
    await runtime.close();
  });

  it('watches the end of each execution it runs once, however often it looks for work', async () => {
    let watches = 0;
    const host: WorkerHost = {
      ready: async () => {},
      claim: async () => [],
      patienceMs: 1_000,
      running: () => 1,
      liveArns: () => ['arn:aws:states:us-east-1:123456789012:execution:Long:one'],
      settled: () => {
        watches++;
        return new Promise(() => {});
      },
      handBack: async () => {},
      draining: () => ({ woken: Promise.resolve(), end: () => {} }),
    };
    const worker = startWorkerLoop(new InMemoryDurableStore(), host, { concurrency: 2, pollMs: 5 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(watches).toBe(1);
    await worker.stop();
  });

  describe('when executions that left memory fall due', () => {
    /** Started queued, claimed, then left memory in their Wait; resolves once all have. */
    async function napping(
      runtime: ReturnType<typeof createDurableRuntime>,
      store: InMemoryDurableStore,
      due: number,
      count: number,
    ) {
      const runs = await Promise.all(
        Array.from({ length: count }, () => runtime.startExecution(napThenWork(due), { enqueue: true })),
      );
      const waiting = async () => {
        for (const run of runs) {
          const types = (await store.listEvents(run.executionArn)).map((event) => event.type);
          if (!types.includes('WaitStateEntered')) return false;
        }
        return runtime.running === 0;
      };
      await until(waiting);
      expect(await waiting()).toBe(true);
      return runs;
    }

    it('runs them within its concurrency, as it runs queued ones', async () => {
      const store = new SharedStore();
      const work = countedWork();
      const runtime = createDurableRuntime({ store, unloadAfterMs: 20, handlers: { [fn]: work.handler } });
      const worker = runtime.startWorker({ concurrency: 2, pollMs: 20 });
      const runs = await napping(runtime, store, Date.now() + 600, 5);
      const results = await Promise.all(runs.map((run) => run.result()));
      expect(results.map((result) => result.status)).toEqual(runs.map(() => 'SUCCEEDED'));
      expect(work.seen.calls).toBe(5);
      expect(work.seen.most).toBe(2);
      await worker.stop();
      await runtime.close();
    });

    it('looks at the store less and less often while what is due waits for a free slot', async () => {
      class CountedStore extends SharedStore {
        looks = 0;
        override async nextWake() {
          this.looks++;
          return super.nextWake();
        }
      }
      const store = new CountedStore();
      const slot = heldSlot();
      const runtime = createDurableRuntime({
        store,
        unloadAfterMs: 20,
        handlers: { [fn]: async () => 'worked', [blocker]: slot.handler },
      });
      const worker = runtime.startWorker({ concurrency: 1, pollMs: 20 });
      const due = Date.now() + 300;
      const [napper] = await napping(runtime, store, due, 1);
      const busy = await runtime.startExecution(holding, { enqueue: true });
      await until(() => runtime.running === 1);
      await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
      store.looks = 0;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      // Looking every 50 ms would be 20 looks: 50, 100, 200, 400 and 800 ms apart make 5 at most.
      expect(store.looks).toBeLessThanOrEqual(6);
      slot.release();
      expect((await busy.result()).status).toBe('SUCCEEDED');
      expect((await napper?.result())?.status).toBe('SUCCEEDED');
      await worker.stop();
      await runtime.close();
    });

    it('tells the workers of other processes when its own have no room', async () => {
      const store = new NotifyingStore();
      const slot = heldSlot();
      const work = countedWork();
      const full = createDurableRuntime({
        store,
        unloadAfterMs: 20,
        handlers: { [fn]: work.handler, [blocker]: slot.handler },
      });
      const fullWorker = full.startWorker({ concurrency: 1, pollMs: 20 });
      const due = Date.now() + 800;
      const [napper] = await napping(full, store, due, 1);
      await full.startExecution(holding, { enqueue: true });
      await until(() => full.running === 1);
      expect(full.running).toBe(1);
      // Another process, idle, that would look only at its next poll.
      const idle = createDurableRuntime({ store, handlers: { [fn]: work.handler } });
      const idleWorker = idle.startWorker({ concurrency: 1, pollMs: 60_000 });
      expect((await napper?.result())?.status).toBe('SUCCEEDED');
      expect(Date.now() - due).toBeLessThan(1_000);
      expect(full.running).toBe(1);
      slot.release();
      await idleWorker.stop();
      await idle.close();
      await fullWorker.stop({ drainMs: 5_000 });
      await full.close();
    });

    it('claims one that another runtime, now gone, let leave memory, as it falls due', async () => {
      const store = new InMemoryDurableStore();
      const work = countedWork();
      const before = createDurableRuntime({ store, unloadAfterMs: 20, handlers: { [fn]: work.handler } });
      const due = Date.now() + 500;
      const run = await before.startExecution(napThenWork(due));
      await until(() => before.running === 0);
      expect(before.running).toBe(0);
      await before.close();
      // A new process: its worker would look again only at its next poll.
      const after = createDurableRuntime({ store, unloadAfterMs: 20, handlers: { [fn]: work.handler } });
      const worker = after.startWorker({ concurrency: 1, pollMs: 60_000 });
      expect((await run.result()).status).toBe('SUCCEEDED');
      expect(Date.now() - due).toBeLessThan(1_000);
      await worker.stop();
      await after.close();
    });

    it('claims one as it falls due, though nothing wakes the worker before its next poll', async () => {
      // Not shared: the store tells no one; the runtime's own look at the due time is all there is.
      const store = new InMemoryDurableStore();
      const work = countedWork();
      const runtime = createDurableRuntime({ store, unloadAfterMs: 20, handlers: { [fn]: work.handler } });
      const due = Date.now() + 300;
      const run = await runtime.startExecution(napThenWork(due), { enqueue: true });
      const worker = runtime.startWorker({ concurrency: 1, pollMs: 60_000 });
      await until(() => runtime.running === 1);
      await until(() => runtime.running === 0);
      expect(runtime.running).toBe(0);
      expect((await run.result()).status).toBe('SUCCEEDED');
      // Well before the worker's next poll.
      expect(Date.now() - due).toBeLessThan(1_000);
      await worker.stop();
      await runtime.close();
    });
  });

  describe('with a parent waiting on a child that left memory', () => {
    /** A parent whose `.sync:2` child naps `napMs` (leaving memory meanwhile), then works. */
    async function parentOfNapper(runtime: ReturnType<typeof createDurableRuntime>, napMs = 300) {
      const child = await runtime.createStateMachine('Napper', napThenWork(Date.now() + napMs));
      return runtime.startExecution(
        {
          StartAt: 'Run',
          States: {
            Run: {
              Type: 'Task',
              Resource: 'arn:aws:states:::states:startExecution.sync:2',
              Parameters: { StateMachineArn: child.stateMachineArn },
              End: true,
            },
          },
        },
        { enqueue: true },
      );
    }

    it('wakes the child, though the waiting parent holds the only slot', async () => {
      const store = new SharedStore();
      const work = countedWork();
      const runtime = createDurableRuntime({ store, unloadAfterMs: 20, handlers: { [fn]: work.handler } });
      const worker = runtime.startWorker({ concurrency: 1, pollMs: 20 });
      const parent = await parentOfNapper(runtime);
      expect((await parent.result()).status).toBe('SUCCEEDED');
      expect(work.seen.calls).toBe(1);
      await worker.stop();
      await runtime.close();
    });

    it('wakes a Map Run child, though its waiting parent holds the only slot', async () => {
      const store = new SharedStore();
      const work = countedWork();
      const runtime = createDurableRuntime({ store, unloadAfterMs: 20, handlers: { [fn]: work.handler } });
      const worker = runtime.startWorker({ concurrency: 1, pollMs: 20 });
      const parent = await runtime.startExecution(
        distributedMap({}, 'STANDARD', napThenWork(Date.now() + 300)),
        {
          enqueue: true,
          input: { items: [1] },
        },
      );
      expect((await parent.result()).status).toBe('SUCCEEDED');
      expect(work.seen.calls).toBe(1);
      await worker.stop();
      await runtime.close();
    });

    it('lets a drain finish the parent, waking its child meanwhile', async () => {
      const store = new SharedStore();
      const work = countedWork();
      const runtime = createDurableRuntime({ store, unloadAfterMs: 20, handlers: { [fn]: work.handler } });
      const worker = runtime.startWorker({ pollMs: 20 });
      const parent = await parentOfNapper(runtime);
      await until(() => runtime.running === 1 && work.seen.calls === 0);
      await new Promise((resolve) => setTimeout(resolve, 100));
      await worker.stop({ drainMs: 10_000 });
      expect((await store.getExecution(parent.executionArn))?.status).toBe('SUCCEEDED');
      await runtime.close();
    });

    it('runs the child after a restart, though the parent takes the only slot of the new worker', async () => {
      const store = new InMemoryDurableStore();
      const work = countedWork();
      const before = createDurableRuntime({ store, unloadAfterMs: 20, handlers: { [fn]: work.handler } });
      const first = before.startWorker({ concurrency: 1, pollMs: 20 });
      const parent = await parentOfNapper(before, 500);
      await until(() => before.running === 2);
      await until(() => before.running === 1);
      expect(before.running).toBe(1);
      // Gone while the child waits in the store: the next runtime knows nothing of its wake time.
      await first.stop();
      await before.close();
      const after = createDurableRuntime({ store, unloadAfterMs: 20, handlers: { [fn]: work.handler } });
      const second = after.startWorker({ concurrency: 1, pollMs: 20 });
      expect((await parent.result()).status).toBe('SUCCEEDED');
      expect(work.seen.calls).toBe(1);
      await second.stop();
      await after.close();
    });

    it('drains the child a wake under way when it stopped took, rather than handing it back mid-task', async () => {
      let release: () => void = () => {};
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      let wakeWaiting = false;
      const due = Date.now() + 300;
      class SlowWakeStore extends SharedStore {
        holdWakes = false;
        override async claim(request: Parameters<SharedStore['claim']>[0]) {
          if (this.holdWakes && !request.wokenOnly) {
            // Only the runtime's wake takes it: a claim of the worker's own that the stop overtakes
            // hands back what it took, which is another case.
            return [];
          }
          // A timer may fire a moment early, and its claim take nothing: the one held is the first
          // made once the child is due.
          if (this.holdWakes && request.now >= due) {
            wakeWaiting = true;
            await gate;
          }
          return super.claim(request);
        }
      }
      const store = new SlowWakeStore();
      const work = countedWork();
      const runtime = createDurableRuntime({ store, unloadAfterMs: 20, handlers: { [fn]: work.handler } });
      const worker = runtime.startWorker({ pollMs: 20 });
      const parent = await parentOfNapper(runtime, 300);
      // Both ran here, then the child left memory; the parent waits on it.
      await until(() => runtime.running === 2);
      await until(() => runtime.running === 1);
      expect(runtime.running).toBe(1);
      // The child falls due, and the runtime's claim to wake it is held up in the store.
      store.holdWakes = true;
      await until(() => wakeWaiting);
      expect(wakeWaiting).toBe(true);
      const stopped = worker.stop({ drainMs: 5_000 });
      await new Promise((resolve) => setTimeout(resolve, 20));
      release();
      await stopped;
      expect((await store.getExecution(parent.executionArn))?.status).toBe('SUCCEEDED');
      expect(work.seen.calls).toBe(1);
      await runtime.close();
    });

    it('wakes nothing else during a drain: what falls due then waits until the worker has stopped', async () => {
      const store = new SharedStore();
      const work = countedWork();
      const stranger = 'arn:aws:lambda:us-east-1:123456789012:function:stranger';
      let stopping = false;
      const calledWhile: boolean[] = [];
      const runtime = createDurableRuntime({
        store,
        unloadAfterMs: 20,
        handlers: {
          [fn]: work.handler,
          [stranger]: async () => {
            calledWhile.push(stopping);
            return 'done';
          },
        },
      });
      const worker = runtime.startWorker({ pollMs: 20 });
      const parent = await parentOfNapper(runtime, 700);
      const other = await runtime.startExecution(napThenWork(Date.now() + 350, stranger), { enqueue: true });
      // All three ran here, then both nappers left memory: only the parent, waiting, runs here.
      await until(() => runtime.running === 3);
      await until(() => runtime.running === 1);
      expect(runtime.running).toBe(1);
      stopping = true;
      await worker.stop({ drainMs: 10_000 });
      stopping = false;
      expect((await store.getExecution(parent.executionArn))?.status).toBe('SUCCEEDED');
      expect(calledWhile).toEqual([]);
      // Left to whichever runtime wakes it: this one, now that it has no worker running.
      expect((await other.result()).status).toBe('SUCCEEDED');
      expect(calledWhile).toEqual([false]);
      await runtime.close();
    });
  });

  it('stops when the store cannot take its leases back, and says which executions wait for expiry', async () => {
    class Unreachable extends SharedStore {
      reachable = true;
      override async release(owner: string, arns: readonly string[]) {
        if (!this.reachable) throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
        return super.release(owner, arns);
      }
    }
    const store = new Unreachable();
    const runtime = createDurableRuntime({ store, handlers: { [fn]: () => new Promise(() => {}) } });
    const worker = runtime.startWorker({ pollMs: 20 });
    const run = await runtime.startExecution(napThenWork(Date.now()), { enqueue: true });
    await until(() => runtime.running === 1);
    store.reachable = false;
    const stopping = worker.stop();
    await expect(stopping).rejects.toBeInstanceOf(LeasesNotHandedBackError);
    await expect(stopping).rejects.toMatchObject({
      code: 'LEASES_NOT_HANDED_BACK',
      executionArns: [run.executionArn],
      cause: { message: 'connect ECONNREFUSED 127.0.0.1:5432' },
    });
    await worker.stopped;
    expect(runtime.running).toBe(0);
    await runtime.close();
  });

  it('stops within leaseMs when the store stops answering, and says so', async () => {
    class Hanging extends SharedStore {
      hanging = false;
      override async claim(request: Parameters<SharedStore['claim']>[0]) {
        if (this.hanging) await new Promise(() => {});
        return super.claim(request);
      }
      override async release(owner: string, arns: readonly string[]) {
        if (this.hanging) await new Promise(() => {});
        return super.release(owner, arns);
      }
    }
    const store = new Hanging();
    const runtime = createDurableRuntime({
      store,
      leaseMs: 300,
      handlers: { [fn]: () => new Promise(() => {}) },
    });
    const worker = runtime.startWorker({ pollMs: 20 });
    const run = await runtime.startExecution(napThenWork(Date.now()), { enqueue: true });
    await until(() => runtime.running === 1);
    store.hanging = true;
    // Its next claim hangs too.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const began = Date.now();
    await expect(worker.stop()).rejects.toMatchObject({
      code: 'LEASES_NOT_HANDED_BACK',
      executionArns: [run.executionArn],
      cause: { code: 'STORE_TIMEOUT' },
    });
    expect(Date.now() - began).toBeLessThan(1_500);
    await worker.stopped;
    expect(runtime.running).toBe(0);
    store.hanging = false;
    await runtime.close();
  });

  it('lets its runtime close within a few leaseMs when the store stops answering', async () => {
    class Hanging extends SharedStore {
      hanging = false;
      override async commit(batch: Parameters<SharedStore['commit']>[0]) {
        if (this.hanging) await new Promise(() => {});
        return super.commit(batch);
      }
      override async release(owner: string, arns: readonly string[]) {
        if (this.hanging) await new Promise(() => {});
        return super.release(owner, arns);
      }
    }
    const store = new Hanging();
    let answer: (value: string) => void = () => {};
    const runtime = createDurableRuntime({
      store,
      leaseMs: 300,
      handlers: { [fn]: () => new Promise<string>((resolve) => (answer = resolve)) },
    });
    runtime.startWorker({ pollMs: 20 });
    await runtime.startExecution(napThenWork(Date.now()), { enqueue: true });
    await until(() => runtime.running === 1);
    store.hanging = true;
    // Its answer is recorded, and the commit of it never comes back.
    answer('done');
    const began = Date.now();
    await runtime.close();
    expect(Date.now() - began).toBeLessThan(3_000);
  });

  it('stops within leaseMs when the store takes its leases back but never answers the wake after', async () => {
    class DeafToWakes extends SharedStore {
      deaf = false;
      async wake(): Promise<void> {
        if (this.deaf) await new Promise(() => {});
      }
    }
    const store = new DeafToWakes();
    const runtime = createDurableRuntime({
      store,
      leaseMs: 300,
      handlers: { [blocker]: () => new Promise(() => {}) },
    });
    const worker = runtime.startWorker({ pollMs: 20 });
    const run = await runtime.startExecution(holding, { enqueue: true });
    await until(() => runtime.running === 1);
    store.deaf = true;
    const began = Date.now();
    await worker.stop();
    expect(Date.now() - began).toBeLessThan(1_500);
    // Handed back: free for another worker to claim.
    expect((await store.getExecution(run.executionArn))?.owner).toBeUndefined();
    const closing = Date.now();
    await runtime.close();
    expect(Date.now() - closing).toBeLessThan(1_500);
  });
});

describe("a worker's drain", () => {
  it('waits for every execution to end with drainMs Infinity', async () => {
    const store = new SharedStore();
    const slot = heldSlot();
    const runtime = createDurableRuntime({ store, handlers: { [blocker]: slot.handler } });
    const worker = runtime.startWorker({ pollMs: 20 });
    const run = await runtime.startExecution(holding, { enqueue: true });
    await until(() => runtime.running === 1);
    const stopped = worker.stop({ drainMs: Number.POSITIVE_INFINITY });
    await new Promise((resolve) => setTimeout(resolve, 50));
    slot.release();
    await stopped;
    expect(await store.getExecution(run.executionArn)).toMatchObject({ status: 'SUCCEEDED' });
    await runtime.close();
  });

  it('refuses a drainMs it cannot wait, before it stops anything', async () => {
    const runtime = createDurableRuntime({ store: new SharedStore() });
    const worker = runtime.startWorker({ pollMs: 20 });
    // Past Node's longest timer, which would fire at once and end the drain before it began.
    for (const drainMs of [30 * 24 * 3600 * 1000, -1, Number.NaN]) {
      await expect(worker.stop({ drainMs })).rejects.toMatchObject({
        code: 'DURABLE_RUNTIME_OPTION',
        message: expect.stringContaining('drainMs'),
      });
    }
    await worker.stop({ drainMs: 0 });
    await worker.stopped;
    await runtime.close();
  });
});
