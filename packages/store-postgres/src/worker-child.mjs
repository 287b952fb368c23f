// One worker process of the PostgreSQL crash test: claims and runs executions, and redrives those
// that fail until redriven, until it is killed (SIGKILL) or asked to stop (SIGTERM: hands its
// leases back and exits).
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { createDurableRuntime } from '@stepwise/runtime';
import { answerNotified, crashHandlers, crashRuns, redriveCrashRuns } from '@stepwise/runtime/store-contract';
import { PostgresStore } from '@stepwise/store-postgres';

const [connectionString, schema, effectsFile, leaseText, runsText] = process.argv.slice(2);
const effects = (line) => appendFileSync(effectsFile, `${line} ${process.pid}\n`);
const COMPLETION = /(LambdaFunction|Task)Succeeded$/;

/** Notes each committed task completion in the effects log, after the commit returns. */
class LoggingStore extends PostgresStore {
  async commit(batch) {
    const result = await super.commit(batch);
    for (const event of batch.events) {
      if (COMPLETION.test(event.type) && !result.fenced.includes(event.executionArn)) {
        effects(`committed ${event.executionArn}#${event.id}`);
      }
    }
    return result;
  }
}

const store = new LoggingStore({ connectionString, schema, maxConnections: 4 });
const runtime = createDurableRuntime({
  store,
  owner: `worker-${process.pid}`,
  leaseMs: Number(leaseText),
  // Waits of a second leave memory and are claimed again when due, by whichever worker is free.
  unloadAfterMs: 300,
  handlers: crashHandlers(effects, (token, output) => runtime.sendTaskSuccess(token, output)),
});
const worker = runtime.startWorker({ concurrency: 8, pollMs: 100 });
// The callbacks' other system answers again what it was asked before the kill.
const notified = existsSync(effectsFile) ? readFileSync(effectsFile, 'utf8').split('\n') : [];
await answerNotified(notified, (token, output) => runtime.sendTaskSuccess(token, output));
// Every worker looks for failed executions to redrive; a redrive another worker made first is skipped.
const runs = crashRuns(Number(runsText), 'pg');
let stopping = false;
const redriveLater = () =>
  setTimeout(async () => {
    if (stopping) return;
    await redriveCrashRuns(runtime, store, runs).catch((error) => console.error('redrive:', error));
    if (!stopping) redrives = redriveLater();
  }, 200);
let redrives = redriveLater();
process.on('SIGTERM', async () => {
  stopping = true;
  clearTimeout(redrives);
  await worker.stop();
  await runtime.close();
  await store.close();
  process.exit(0);
});
process.stdout.write('READY\n');
