// Starts the writer thread from the TypeScript sources (tests). Node 20 runs no `.ts` in a worker,
// and tsx given as `--import tsx` in the worker's execArgv does not reach the worker's entry, so
// tsx is registered here, before the thread's module is loaded.
import { register } from 'tsx/esm/api';

register();
await import('./sqlite-thread.ts');
