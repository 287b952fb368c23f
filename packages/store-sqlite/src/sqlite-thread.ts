// The writer thread: owns the connection and answers the store's calls one at a time, in the order
// they were posted, so every commit's SQL and fsync happen off the caller's thread.
import { parentPort, workerData } from 'node:worker_threads';
import { encodeError, type Reply, type Request } from './messages';
import { SqliteCore, type SqliteCoreOptions } from './sqlite-core';

const port = parentPort;
if (!port) throw new Error('sqlite-thread runs as a worker thread of SqliteStore.');

let core: SqliteCore | undefined;
// A file that cannot be opened fails the first call (`init()`), as the store's constructor would.
let openError: unknown;
try {
  core = new SqliteCore(workerData as SqliteCoreOptions);
} catch (error) {
  openError = error;
}

port.on('message', (request: Request) => {
  let reply: Reply;
  try {
    const [method, ...args] = request;
    if (!core) {
      if (method === 'close') return port.postMessage([true, undefined] satisfies Reply);
      throw openError;
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
});
