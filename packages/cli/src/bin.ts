#!/usr/bin/env node
import { processIo } from './cli/io';
import { main } from './cli/main';

// A reader that stops early (`stepwise graph ... | head -c1`) closes the pipe: what is left to
// print has nowhere to go, which is no error of the command's.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}

let settled = false;
main(process.argv.slice(2), processIo()).then((code) => {
  settled = true;
  // Setting exitCode (not calling exit) lets pending output drain to a pipe.
  process.exitCode = code;
});

// Nothing left to run, yet the command never finished: a module it loaded waits on a top-level
// await that nothing will ever settle.
process.on('beforeExit', () => {
  if (settled) return;
  settled = true;
  process.stderr.write(
    'error The command could not finish: a module it loaded never finished loading (a top-level await that never settles?).\n',
  );
  process.exitCode = 1;
});
