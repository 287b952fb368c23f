import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliDir, ensureBuilt, repoRoot, runCli } from '../test-support/built-binary';
import { orderDefinition as orderProcessing } from '../test-support/order-definition';
import { tempDir } from '../test-support/temp-dir';

const folder = tempDir({
  'order.asl.json': JSON.stringify(orderProcessing, null, 2),
  'failed-run.json': JSON.stringify({
    status: 'FAILED',
    history: [
      { id: 1, previousEventId: 0, type: 'ExecutionStarted' },
      {
        id: 2,
        previousEventId: 0,
        type: 'TaskStateEntered',
        stateEnteredEventDetails: { name: 'Validate Order' },
      },
      {
        id: 3,
        previousEventId: 2,
        type: 'TaskStateExited',
        stateExitedEventDetails: { name: 'Validate Order' },
      },
      {
        id: 4,
        previousEventId: 3,
        type: 'ChoiceStateEntered',
        stateEnteredEventDetails: { name: 'Check Inventory' },
      },
      {
        id: 5,
        previousEventId: 4,
        type: 'ChoiceStateExited',
        stateExitedEventDetails: { name: 'Check Inventory' },
      },
      {
        id: 6,
        previousEventId: 5,
        type: 'TaskStateEntered',
        stateEnteredEventDetails: { name: 'Process Payment' },
      },
      { id: 7, previousEventId: 6, type: 'TaskFailed' },
      { id: 8, previousEventId: 7, type: 'ExecutionFailed' },
    ],
  }),
});

folder.write(
  'workflows.ts',
  [
    "import { choice, eq, succeed, task, workflow } from '@stepwise/builder';",
    "import { z } from 'zod';",
    'const Paid = z.object({ paid: z.boolean() });',
    "const pay = task('Pay', { resource: 'arn:aws:lambda:us-east-1:111111111111:function:pay', result: Paid });",
    'export const checkout = workflow({ input: z.unknown() }).start(',
    "  pay.next(choice('Paid?', (c) => c.when((s) => s.paid, eq(true), succeed('Done')).otherwise(succeed('Not paid')))),",
    ');',
    "export const plain = { StartAt: 'A', States: { A: { Type: 'Succeed' } } };",
  ].join('\n'),
);
// The module's imports (@stepwise/builder, zod) resolve from this package's node_modules.
symlinkSync(join(cliDir, 'node_modules'), join(folder.path, 'node_modules'), 'dir');

beforeAll(ensureBuilt, 180_000);
afterAll(() => folder.remove());

describe('stepwise graph', () => {
  it('prints Mermaid by default, with the Choice rule and Default on the edges', async () => {
    const run = await runCli(['graph', 'order.asl.json'], { cwd: folder.path });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^flowchart TD\n/);
    expect(run.stdout).toContain('s2 -->|"$.inStock == true"| s4');
    expect(run.stdout).toContain('s2 -->|"Default"| s3');
  });

  it('draws a builder workflow that a TypeScript module exports, chosen with --export', async () => {
    const run = await runCli(['graph', 'workflows.ts', '--format', 'dot', '--export', 'checkout'], {
      cwd: folder.path,
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('digraph "checkout" {');
    expect(run.stdout).toContain('s2 -> s3 [label="$.paid == true"];');
  });

  it('asks which workflow to draw when a module exports several', async () => {
    const run = await runCli(['graph', 'workflows.ts'], { cwd: folder.path });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'exports several workflows (checkout, plain); choose one with --export <name>.',
    );
  });

  it('renders SVG without a browser, to a file with --out', async () => {
    const run = await runCli(['graph', 'order.asl.json', '-f', 'svg', '-o', 'order.svg'], {
      cwd: folder.path,
    });
    expect(run).toMatchObject({ code: 0, stdout: '' });
    const svg = readFileSync(join(folder.path, 'order.svg'), 'utf8');
    expect(svg).toContain('<svg');
    expect(svg).toContain('>Check Inventory</text>');
    expect(svg).toContain('>$.inStock == true</text>');
  });

  it('colors the path of an execution and its failed state', async () => {
    const run = await runCli(['graph', 'order.asl.json', '--execution', 'failed-run.json'], {
      cwd: folder.path,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('class s1,s2,wf_start visited');
    expect(run.stdout).toContain('class s4 failed');
    expect(run.stdout).toContain('linkStyle 0,1,4 stroke:#16a34a');
  });

  it('exits 2 on an unknown format', async () => {
    const run = await runCli(['graph', 'order.asl.json', '--format', 'png'], { cwd: folder.path });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--format must be one of mermaid, dot, svg; got "png".');
  });

  it('keeps docs/order-processing.svg what the command draws for the example', async () => {
    const args = [
      'graph',
      'examples/order-processing/workflow.ts',
      '--export',
      'orderProcessing',
      '--format',
      'svg',
    ];
    const run = await runCli(args, {
      cwd: repoRoot,
    });
    expect(run.code).toBe(0);
    expect(readFileSync(join(repoRoot, 'docs/order-processing.svg'), 'utf8')).toBe(run.stdout);
  });
});
