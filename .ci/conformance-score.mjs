// Runs the conformance corpus through one of the runtime's adapters and fails when the
// score drops below the recorded baseline, so no change can regress it. With the argument
// `durable`, the durable runtime's adapter (each case on a SQLite file) is scored instead.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = resolve(root, '../shared/conformance');
const durable = process.argv[2] === 'durable';
const baselines = JSON.parse(readFileSync(join(root, '.ci/conformance-baseline.json'), 'utf8'));
const baseline = durable ? baselines.durable : baselines;
const adapter = join(root, 'tools/conformance', durable ? 'durable-adapter.mjs' : 'adapter.mjs');
const report = join(mkdtempSync(join(tmpdir(), 'stepwise-conformance-')), 'results.json');

const run = spawnSync(
  process.execPath,
  [
    join(corpus, 'run.mjs'),
    '--adapter',
    adapter,
    '--cases',
    join(corpus, 'cases'),
    '--no-fail',
    '--json',
    report,
  ],
  { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
);
// The runner's own closing line would read like CI's verdict; keep its table only.
process.stdout.write(run.stdout.replace(/^\d+ passed, \d+ failed\s*$/m, ''));
if (run.status !== 0) {
  console.error(`conformance runner exited with ${run.status}`);
  process.exit(1);
}

const { passed, failed, history } = JSON.parse(readFileSync(report, 'utf8'));
console.log(`conformance: ${passed}/${passed + failed} cases, ${history.matched} histories matched`);
console.log(`baseline:    ${baseline.passed} cases, ${baseline.historyMatched} histories matched`);
if (passed < baseline.passed || history.matched < baseline.historyMatched) {
  console.error('conformance score dropped below the baseline');
  process.exit(1);
}
