/**
 * Type-check cost of long workflows: the builder against the same workflow
 * as a plain ASL object literal. Prints a table and writes results/latest.json.
 *
 *   pnpm --filter @stepwise/builder bench:types
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateWorkflow } from './generate-workflow';

const SIZES = [50, 200, 500];
const benchDir = dirname(fileURLToPath(import.meta.url));
const packageDir = resolve(benchDir, '..');
const workDir = join(benchDir, '.work');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

interface Measurement {
  checkSeconds: number;
  instantiations: number;
  errors: string[];
}

function measure(name: string, source: string): Measurement {
  const file = join(workDir, `${name}.ts`);
  const config = join(workDir, `${name}.tsconfig.json`);
  writeFileSync(file, source);
  writeFileSync(config, JSON.stringify({ extends: '../../../../tsconfig.base.json', files: [`${name}.ts`] }));
  let output: string;
  try {
    output = execFileSync(process.execPath, [tsc, '-p', config, '--noEmit', '--extendedDiagnostics'], {
      encoding: 'utf8',
      cwd: packageDir,
    });
  } catch (error) {
    output = String((error as { stdout?: string }).stdout ?? '');
  }
  const number = (label: string) =>
    Number(new RegExp(`${label}:\\s+([\\d.]+)`).exec(output)?.[1] ?? Number.NaN);
  return {
    checkSeconds: number('Check time'),
    instantiations: number('Instantiations'),
    errors: output.split('\n').filter((line) => line.includes('error TS')),
  };
}

rmSync(workDir, { recursive: true, force: true });
mkdirSync(workDir, { recursive: true });
const rows = SIZES.map((states) => {
  const sources = generateWorkflow(states, '../../src/index', '@stepwise/asl');
  const builder = measure(`builder-${states}`, sources.builder);
  const plain = measure(`plain-${states}`, sources.plain);
  return {
    states,
    builder,
    plain,
    ratio: Number((builder.checkSeconds / plain.checkSeconds).toFixed(2)),
    ts2589: builder.errors.some((e) => e.includes('TS2589')),
  };
});
rmSync(workDir, { recursive: true, force: true });

console.log(
  '| states | builder check (s) | builder instantiations | plain check (s) | plain instantiations | ratio | errors |',
);
console.log(
  '| -----: | ----------------: | ---------------------: | --------------: | -------------------: | ----: | -----: |',
);
for (const r of rows) {
  console.log(
    `| ${r.states} | ${r.builder.checkSeconds} | ${r.builder.instantiations} | ${r.plain.checkSeconds} | ${r.plain.instantiations} | ${r.ratio} | ${r.builder.errors.length + r.plain.errors.length} |`,
  );
}
mkdirSync(join(benchDir, 'results'), { recursive: true });
writeFileSync(
  join(benchDir, 'results', 'latest.json'),
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, rows }, null, 2)}\n`,
);
const failures = rows.filter((r) => r.ts2589 || r.builder.errors.length > 0 || r.plain.errors.length > 0);
if (failures.length > 0) {
  for (const r of failures)
    console.error(`${r.states} states:`, [...r.builder.errors, ...r.plain.errors].slice(0, 5));
  process.exitCode = 1;
}
