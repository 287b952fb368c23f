import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../clock/virtual-clock';
import { createDurableRuntime } from './durable-runtime';
import { InMemoryDurableStore } from './memory-durable-store';
import { RESUME_RETRY_MS, ResumeRetries } from './resume-retries';
import { until } from './until.fixtures';

/**
 * Reads of definitions fail while `failures` lasts, as a store that cannot be reached does, or
 * return text that is not JSON once `corrupt` is set; each read's time on the clock is kept.
 */
class FlakyStore extends InMemoryDurableStore {
  failures = 0;
  corrupt = false;
  readonly reads: number[] = [];

  constructor(private readonly clock: { now(): number }) {
    super();
  }
  override async getDefinition(definitionId: string): Promise<string | undefined> {
    this.reads.push(this.clock.now());
    if (this.corrupt) return '{"StartAt":';
    if (this.failures > 0) {
      this.failures--;
      throw new Error('the store could not be reached');
    }
    return super.getDefinition(definitionId);
  }
}

const nap = {
  StartAt: 'Nap',
  States: {
    Nap: { Type: 'Wait', Seconds: 60, Next: 'Done' },
    Done: { Type: 'Pass', Result: 'rested', End: true },
  },
};

/**
 * An execution that left memory in its Wait, on a clock that moves only when told: its wake is
 * a minute away, and every try after it is a timer on that clock too.
 */
async function napping(configure: (store: FlakyStore) => void) {
  const clock = createVirtualClock({ autoAdvance: false });
  const store = new FlakyStore(clock);
  configure(store);
  const runtime = createDurableRuntime({ store, clock, unloadAfterMs: 100 });
  const started = await runtime.startExecution(nap);
  clock.advance(200);
  await until(() => runtime.running === 0);
  expect(runtime.running).toBe(0);
  return { clock, store, runtime, started };
}

/** Moves the clock to a minute after the start: the wake, and its first read of the definition. */
async function wake(clock: { advance(ms: number): void }, store: FlakyStore) {
  clock.advance(60_000);
  await until(() => store.reads.length > 0);
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 30));

describe('a woken execution whose resume fails', () => {
  it('is tried again for as long as the store fails, each wait twice the one before', async () => {
    const { clock, store, runtime, started } = await napping((store) => {
      store.failures = 5;
    });
    await wake(clock, store);
    for (const [i, gap] of [1000, 2000, 4000, 8000, 16000].entries()) {
      clock.advance(gap - 1);
      await settled();
      expect(store.reads).toHaveLength(i + 1);
      clock.advance(1);
      await until(() => store.reads.length === i + 2);
      expect(store.reads).toHaveLength(i + 2);
    }
    expect((await started.result()).status).toBe('SUCCEEDED');
    await runtime.close();
  });

  it('waits a minute at most between tries', async () => {
    const { clock, store, runtime, started } = await napping((store) => {
      store.failures = 7;
    });
    await wake(clock, store);
    for (const gap of [1000, 2000, 4000, 8000, 16000, 32000]) {
      clock.advance(gap);
      await until(() => store.reads.length > 0 && clock.now() === store.reads.at(-1));
    }
    clock.advance(RESUME_RETRY_MS.last - 1);
    await settled();
    expect(store.reads).toHaveLength(7);
    clock.advance(1);
    await until(() => store.reads.length === 8);
    expect(store.failures).toBe(0);
    expect((await started.result()).status).toBe('SUCCEEDED');
    await runtime.close();
  });

  it('is not tried again when its definition is corrupted: the same read would fail the same way', async () => {
    const { clock, store, runtime, started } = await napping((store) => {
      store.corrupt = true;
    });
    await wake(clock, store);
    clock.advance(10 * RESUME_RETRY_MS.last);
    await settled();
    expect(store.reads).toHaveLength(1);
    expect((await store.getExecution(started.executionArn))?.status).toBe('RUNNING');
    await runtime.close();
  });

  it('is not tried again once the runtime has closed', async () => {
    const { clock, store, runtime } = await napping((store) => {
      store.failures = 1;
    });
    await wake(clock, store);
    await runtime.close();
    clock.advance(RESUME_RETRY_MS.first);
    await settled();
    expect(store.reads).toHaveLength(1);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('keeps one chain of tries per execution, however often it is handed back meanwhile', async () => {
    const clock = createVirtualClock({ autoAdvance: false });
    const resumed: string[] = [];
    const retries = new ResumeRetries({
      store: new InMemoryDurableStore(),
      owner: 'here',
      clock,
      resume: async (arn) => {
        resumed.push(arn);
      },
    });
    retries.later(['a']);
    retries.later(['a', 'b']);
    retries.later(['b'], 3);
    clock.advance(RESUME_RETRY_MS.first);
    await until(() => resumed.length === 2);
    expect(resumed.sort()).toEqual(['a', 'b']);
    clock.advance(RESUME_RETRY_MS.last);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(resumed).toHaveLength(2);
  });
});
