// What posting a commit batch to the writer thread costs the engine's thread: structured clone of
// the batch, against JSON.stringify and posting the string (parsed on the thread). Each batch is
// one Task transition (five events), posted back to back; a stand-in thread parses and answers.
// Also the latency of one awaited trip to the thread and back, beside a raw NORMAL commit, and of
// one awaited read through a real store with and without its threads checking before they sleep.
// Run: pnpm --filter @stepwise/store-sqlite bench:messages
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { batch, eventRow, executionRow } from '@stepwise/runtime/store-contract';
import { SqliteStore } from '@stepwise/store-sqlite';
import { rawCommitsPerSecond } from './raw-commits';

const arn = executionRow('bench').executionArn;
const io = { truncated: false };
const transition = batch({
  events: [
    eventRow(arn, 15, 'LambdaFunctionSucceeded', { output: '{"ok":true}', outputDetails: io }),
    eventRow(arn, 16, 'TaskStateExited', { name: 'T2', output: '{"ok":true}', outputDetails: io }),
    eventRow(arn, 17, 'TaskStateEntered', { name: 'T3', input: '{"ok":true}', inputDetails: io }),
    eventRow(arn, 18, 'LambdaFunctionScheduled', {
      resource: 'arn:aws:lambda:fn',
      input: '{}',
      inputDetails: io,
    }),
    eventRow(arn, 19, 'LambdaFunctionStarted'),
  ],
});

const thread = new Worker(
  `const { parentPort } = require('node:worker_threads');
   parentPort.on('message', (m) => parentPort.postMessage([true, typeof m === 'string' ? JSON.parse(m) && { fenced: [] } : { fenced: [] }]));`,
  { eval: true },
);

async function post(encode: (b: typeof transition) => unknown, count: number) {
  let answered = 0;
  let done = () => {};
  const all = new Promise<void>((resolve) => {
    done = resolve;
  });
  const onReply = () => {
    if (++answered === count) done();
  };
  thread.on('message', onReply);
  const started = performance.now();
  for (let i = 0; i < count; i++) thread.postMessage(encode(transition));
  const posting = performance.now() - started;
  await all;
  const total = performance.now() - started;
  thread.off('message', onReply);
  return {
    postingMicros: +((posting * 1000) / count).toFixed(2),
    answeredMicros: +((total * 1000) / count).toFixed(2),
  };
}

/**
 * One call at a time, each awaited before the next, as an execution waits for its start and its
 * end: the latency of a trip to the thread and back, against one raw `NORMAL` commit on this disk.
 */
async function roundTrip(count: number) {
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    await new Promise((resolve) => {
      thread.once('message', resolve);
      thread.postMessage(transition);
    });
  }
  return +(((performance.now() - started) * 1000) / count).toFixed(1);
}

/**
 * The same trip through a real store: one awaited read (`nextWake`), with the thread and the
 * caller's event loop sleeping as soon as they can (`spinMicros: 0`) and with the default checks.
 */
async function storeTrip(spinMicros: number, count: number) {
  const dir = mkdtempSync(join(tmpdir(), 'stepwise-trip-'));
  const store = new SqliteStore({ filename: join(dir, 'trip.db'), synchronous: 'NORMAL', spinMicros });
  try {
    await store.init();
    for (let i = 0; i < 1000; i++) await store.nextWake();
    const started = performance.now();
    for (let i = 0; i < count; i++) await store.nextWake();
    return +(((performance.now() - started) * 1000) / count).toFixed(1);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function rawNormalCommit(): number {
  const dir = mkdtempSync(join(tmpdir(), 'stepwise-messages-'));
  try {
    return +(1e6 / rawCommitsPerSecond(join(dir, 'raw.db'), 'NORMAL', 0.25)).toFixed(1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const results: Record<string, unknown>[] = [];
for (let round = 0; round < 3; round++) {
  const roundTripMicros = await roundTrip(10_000);
  const rawNormalCommitMicros = rawNormalCommit();
  results.push({
    round,
    structuredClone: await post((b) => b, 50_000),
    jsonString: await post((b) => JSON.stringify(b), 50_000),
    roundTripMicros,
    rawNormalCommitMicros,
    roundTripInRawCommits: +(roundTripMicros / rawNormalCommitMicros).toFixed(1),
    storeReadMicros: { spinMicros0: await storeTrip(0, 5000), spinMicros100: await storeTrip(100, 5000) },
  });
}
console.log(JSON.stringify(results, null, 2));
await thread.terminate();
