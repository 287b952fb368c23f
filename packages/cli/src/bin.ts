#!/usr/bin/env node
import { processIo } from './cli/io';
import { main } from './cli/main';

main(process.argv.slice(2), processIo()).then((code) => {
  // Setting exitCode (not calling exit) lets pending output drain to a pipe.
  process.exitCode = code;
});
