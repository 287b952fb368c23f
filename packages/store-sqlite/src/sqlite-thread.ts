// The writer thread: owns the connection and answers the store's calls one at a time, in the order
// they were posted, so every commit's SQL and fsync happen off the caller's thread.
import { parentPort, workerData } from 'node:worker_threads';
import { encodeError, type Reply, type Request } from './messages';
import { nextCallWithin } from './next-call';
import { SqliteCore } from './sqlite-core';
import type { ThreadOptions } from './thread-client';

if (!parentPort) throw new Error('sqlite-thread runs as a worker thread of SqliteStore.');
const port = parentPort;
const options = workerData as ThreadOptions;

let core: SqliteCore | undefined;
// A file that cannot be opened fails the first call (`init()`), as the store's constructor would.
let openError: unknown;
try {
  core = new SqliteCore(options);
} catch (error) {
  openError = error;
}

function answer(request: Request): void {
  let reply: Reply;
  try {
    const [method, ...args] = request;
    if (!core) {
      if (method !== 'close') throw openError;
      port.postMessage([true, undefined] satisfies Reply);
      return;
    }
    reply = [true, (core[method] as (...a: unknown[]) => unknown).apply(core, args)];
  } catch (error) {
    reply = [false, encodeError(error)];
  }
  try {
    port.postMessage(reply);
  } catch (error) {
    port.postMessage([false, encodeError(error)] satisfies Reply);
  }
}

port.on('message', (first: Request) => {
  let request: Request | undefined = first;
  while (request) {
    answer(request);
    if (request[0] === 'close') return;
    request = nextCallWithin(port, options.spinMicros) as Request | undefined;
  }
});
