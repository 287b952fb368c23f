/**
 * Runs every workload on Stepwise and on aws-local-stepfunctions in this one
 * process, side by side, and writes the figures to results/latest.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { anchorEngine, promiseWithResolversPolyfilled } from './engines/anchor';
import { floorEngine, hasFloor } from './engines/floor';
import { stepwiseEngine } from './engines/stepwise';
import { measure } from './measure';
import { formatTable, type WorkloadResult } from './report';
import { workloads } from './workloads';

const rounds = Number(process.env.BENCH_ROUNDS ?? 7);
const only = process.argv[2];

if (promiseWithResolversPolyfilled) {
  console.log(
    'Note: Promise.withResolvers was polyfilled for aws-local-stepfunctions on this Node version.\n',
  );
}

const results: WorkloadResult[] = [];
for (const workload of workloads) {
  if (only && workload.name !== only) continue;
  const stepwise = await measure(stepwiseEngine, workload, rounds);
  const anchor = await measure(anchorEngine, workload, rounds);
  const floor = hasFloor(workload) ? await measure(floorEngine, workload, rounds) : undefined;
  results.push({ workload: workload.name, description: workload.description, stepwise, anchor, floor });
  console.log(`measured ${workload.name}`);
}

console.log(`\n${formatTable(results)}`);
console.log(
  '\nfloor: a bare loop that only awaits the handlers and keeps five timestamped entries per Task (no runtime).',
);

const out = join(dirname(fileURLToPath(import.meta.url)), '../results/latest.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(
  out,
  `${JSON.stringify({ node: process.version, date: new Date().toISOString(), rounds, results }, null, 2)}\n`,
);
console.log(`\nwritten to ${out}`);
