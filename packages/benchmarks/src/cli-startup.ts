/**
 * Cold start of the built binary: median wall time of ten spawns each of
 * `stepwise --version`, `stepwise validate` on a small file and `stepwise run`
 * of the order example (its TypeScript module, loaded with tsx, with the
 * example's handlers). Run after a build: `pnpm --filter @stepwise/benchmarks bench:startup`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = resolve(dirname(fileURLToPath(import.meta.url)), '../../cli/dist/bin.js');
const example = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../examples/order-processing/workflow.ts',
);
const runs = 10;
const folder = mkdtempSync(join(tmpdir(), 'stepwise-startup-'));
const small = {
  StartAt: 'Hello',
  States: { Hello: { Type: 'Pass', Result: { hello: 'world' }, End: true } },
};
writeFileSync(join(folder, 'small.asl.json'), JSON.stringify(small, null, 2));
// The example's own stand-in Lambda functions, as the default export `--handlers` expects.
writeFileSync(
  join(folder, 'handlers.ts'),
  `export { orderHandlers as default } from ${JSON.stringify(example)};\n`,
);
const order = JSON.stringify({ orderId: 'o-1', item: 'widget', quantity: 2, unitPrice: 5 });

const commands: Record<string, string[]> = {
  'stepwise --version': ['--version'],
  'stepwise validate small.asl.json': ['validate', 'small.asl.json'],
  'stepwise run <order example>': [
    'run',
    example,
    '--export',
    'orderWorkflow',
    '--handlers',
    'handlers.ts',
    '--input',
    order,
  ],
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const rows: string[] = [];
try {
  for (const [label, args] of Object.entries(commands)) {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = process.hrtime.bigint();
      const result = spawnSync(process.execPath, [bin, ...args], { cwd: folder, encoding: 'utf8' });
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
      if (result.status !== 0) throw new Error(`${label} exited ${result.status}: ${result.stderr}`);
    }
    rows.push(
      `| ${label.padEnd(32)} | ${median(times).toFixed(0).padStart(9)} | ${Math.min(...times)
        .toFixed(0)
        .padStart(6)} |`,
    );
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}
console.log(`Cold start, ${runs} spawns each (Node ${process.version})\n`);
console.log(`| ${'command'.padEnd(32)} | median ms | min ms |`);
console.log(`| ${'-'.repeat(32)} | --------: | -----: |`);
for (const row of rows) console.log(row);
