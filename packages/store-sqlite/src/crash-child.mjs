// One life of the process the SQLite crash test kills: resumes what the file holds, starts the
// executions not started yet, redrives those that fail until redriven, and exits once every
// execution has finished.
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { createDurableRuntime } from '@stepwise/runtime';
import { answerNotified, crashHandlers, crashRuns, redriveCrashRuns } from '@stepwise/runtime/store-contract';
import { SqliteStore } from '@stepwise/store-sqlite';

const [filename, effectsFile, countText, prefix, perLifeText] = process.argv.slice(2);
// How many new executions one life starts, so the work (and the kills) spread over many lives.
let startsLeft = Number(perLifeText);
const effects = (line) => appendFileSync(effectsFile, `${line} ${process.pid}\n`);
const COMPLETION = /(LambdaFunction|Task)Succeeded$/;

/** Notes each committed task completion in the effects log, after the commit returns. */
class LoggingStore extends SqliteStore {
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

const store = new LoggingStore({ filename });
const runtime = createDurableRuntime({
  store,
  // Waits of a second leave memory and are woken again, so kills also hit unloaded executions.
  unloadAfterMs: 300,
  handlers: crashHandlers(effects, (token, output) => runtime.sendTaskSuccess(token, output)),
});
await runtime.recover();
// The callbacks' other system answers again what it was asked before the kill.
const notified = existsSync(effectsFile) ? readFileSync(effectsFile, 'utf8').split('\n') : [];
await answerNotified(notified, (token, output) => runtime.sendTaskSuccess(token, output));
process.stdout.write('READY\n');
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const runs = crashRuns(Number(countText), prefix);
for (const run of runs) {
  if (await store.getExecution(run.executionArn)) continue;
  if (startsLeft-- <= 0) break;
  await runtime.startExecution(run.definition, { name: run.name, input: run.input });
  await redriveCrashRuns(runtime, store, runs);
  await pause(30);
}
// Done once nothing runs and nothing was left to redrive. Running ones are counted first: one that
// fails after the count is redriven by the scan that follows, or found running by the next count.
for (;;) {
  const running = (await store.listExecutions({ status: 'RUNNING' })).length;
  const redriven = await redriveCrashRuns(runtime, store, runs);
  if (running === 0 && redriven.length === 0) break;
  await pause(20);
}
await store.close();
process.exit(0);
