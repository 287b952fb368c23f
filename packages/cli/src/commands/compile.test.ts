import { spawn } from 'node:child_process';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binPath, cliDir, ensureBuilt, runCli } from '../test-support/built-binary';
import { orderDefinition as orderProcessing } from '../test-support/order-definition';
import { tempDir } from '../test-support/temp-dir';

const orderSource = `import { z } from 'zod';
import { choice, eq, lambda, task, workflow } from '@stepwise/builder';

const Order = z.object({ orderId: z.string() });
const Validated = z.object({ orderId: z.string(), inStock: z.boolean() });

export const orderProcessing = workflow({ comment: 'A simple AWS Step Functions workflow example', input: Order }).start(
  task('Validate Order', { resource: lambda('ValidateOrderFunction'), result: Validated }).next(
    choice('Check Inventory', (c) =>
      c
        .when((s) => s.inStock, eq(true), task('Process Payment', { resource: lambda('ProcessPaymentFunction') }).next(
          task('Ship Order', { resource: lambda('ShipOrderFunction') }),
        ))
        .otherwise(task('OutOfStock', { resource: lambda('OutOfStockNotificationFunction') })),
    ),
  ),
);
`;

const folder = tempDir({
  'tsconfig.json': JSON.stringify({
    compilerOptions: {
      strict: true,
      target: 'ES2022',
      module: 'ESNext',
      moduleResolution: 'bundler',
      customConditions: ['source'],
      skipLibCheck: true,
      noEmit: true,
      types: [],
    },
    include: ['src'],
  }),
  'src/order.ts': orderSource,
  'broken-tsconfig.json': '{ "compilerOptions": { "strict": true, } ',
  // Valid JSON, but one option needs another the file does not set.
  'options-tsconfig.json': JSON.stringify(
    {
      compilerOptions: {
        strict: true,
        module: 'ESNext',
        moduleResolution: 'bundler',
        skipLibCheck: true,
        types: [],
        emitDeclarationOnly: true,
      },
    },
    null,
    2,
  ),
  'a-file': 'not a folder',
  'src/fragment.ts':
    "import { task } from '@stepwise/builder';\nexport const notify = task('Notify', { resource: 'arn:aws:lambda:us-east-1:111111111111:function:notify' });\n",
  'bad/typo.ts':
    "import { task, workflow } from '@stepwise/builder';\nimport { z } from 'zod';\nexport const broken = workflow({ input: z.string() }).start(task('T', { resource: 42 }));\n",
  'bad/invalid.ts':
    "import { raw, workflow } from '@stepwise/builder';\nimport { z } from 'zod';\n\nexport const invalid = workflow({ input: z.unknown() }).start(raw('Work', { Type: 'Task' }));\n",
});
// The project's dependencies (@stepwise/builder, zod) come from this package's node_modules.
symlinkSync(join(cliDir, 'node_modules'), join(folder.path, 'node_modules'), 'dir');

beforeAll(ensureBuilt, 180_000);
afterAll(() => folder.remove());

describe('stepwise compile', () => {
  it('writes <export name>.asl.json for each exported workflow, and reports what it skips', {
    timeout: 60_000,
  }, async () => {
    const run = await runCli(['compile', 'src'], { cwd: folder.path });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'src/fragment.ts:2:14 - skipped NOT_A_WORKFLOW: notify is a CatchableChain, not a workflow; pass it to workflow({...}).start(...).',
    );
    expect(run.stdout).toContain('wrote src/orderProcessing.asl.json (orderProcessing from src/order.ts:7)');
    const written = JSON.parse(readFileSync(join(folder.path, 'src/orderProcessing.asl.json'), 'utf8'));
    expect(written).toEqual(orderProcessing);
  });

  it('with --check, writes nothing and exits 1 when an artifact is missing or stale', {
    timeout: 90_000,
  }, async () => {
    const fresh = await runCli(['compile', 'src', '--check'], { cwd: folder.path });
    expect(fresh.code).toBe(0);
    expect(fresh.stdout).toContain('up to date src/orderProcessing.asl.json');
    writeFileSync(join(folder.path, 'src/orderProcessing.asl.json'), '{}\n');
    const stale = await runCli(['compile', 'src', '--check'], { cwd: folder.path });
    expect(stale.code).toBe(1);
    expect(stale.stdout).toContain('stale src/orderProcessing.asl.json');
    expect(readFileSync(join(folder.path, 'src/orderProcessing.asl.json'), 'utf8')).toBe('{}\n');
    const missing = await runCli(['compile', 'src', '--check', '--out', 'asl'], { cwd: folder.path });
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain('missing asl/orderProcessing.asl.json');
  });

  it('reports type errors at file:line:column without a stack trace, and writes nothing', {
    timeout: 60_000,
  }, async () => {
    const run = await runCli(['compile', 'bad/typo.ts', '--out', 'out'], { cwd: folder.path });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^bad\/typo\.ts:3:\d+ - error TS2322: /m);
    expect(run.stdout).toContain('nothing written');
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses a tsconfig that cannot be read, naming it, as a usage error', async () => {
    const folderGiven = await runCli(['compile', '-p', 'src'], { cwd: folder.path });
    expect(folderGiven.code).toBe(2);
    expect(folderGiven.stderr).toBe('error Cannot read src: it is a directory; give the tsconfig file.\n');
    const broken = await runCli(['compile', '-p', 'broken-tsconfig.json'], { cwd: folder.path });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^error Cannot read broken-tsconfig\.json: /);
  });

  it('reports an option the tsconfig sets wrongly once, at the option in the tsconfig', {
    timeout: 60_000,
  }, async () => {
    const run = await runCli(['compile', '-p', 'options-tsconfig.json', 'src/order.ts', 'src/fragment.ts'], {
      cwd: folder.path,
    });
    expect(run.code).toBe(1);
    const errors = run.stdout.split('\n').filter((line) => line.includes(' - error '));
    expect(errors).toEqual([
      expect.stringMatching(/^options-tsconfig\.json:8:5 - error TS5069: Option 'emitDeclarationOnly' /),
    ]);
  });

  it('refuses an output folder that a file stands in for, as a usage error', {
    timeout: 60_000,
  }, async () => {
    const run = await runCli(['compile', 'src/order.ts', '--out', 'a-file'], { cwd: folder.path });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^error Cannot write .*a-file\/orderProcessing\.asl\.json: a file stands where its folder should be\.$/m,
    );
  });

  it('reports validation errors of a workflow at its declaration', { timeout: 60_000 }, async () => {
    const run = await runCli(['compile', 'bad/invalid.ts', '--out', 'out'], { cwd: folder.path });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^bad\/invalid\.ts:4:14 - error SCHEMA_VALIDATION_FAILED: invalid: /m);
  });

  it('compiles again when a source file changes, with --watch', async () => {
    const child = spawn(process.execPath, [binPath, 'compile', 'src', '--watch', '--out', 'watched'], {
      cwd: folder.path,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const waitFor = async (done: () => boolean, what: string) => {
      for (let waited = 0; !done(); waited += 100) {
        if (waited > 40_000) throw new Error(`timed out waiting for ${what}; output:\n${output}`);
        await new Promise((wake) => setTimeout(wake, 100));
      }
    };
    const artifact = join(folder.path, 'watched/orderProcessing.asl.json');
    try {
      await waitFor(() => output.includes('Watching for changes'), 'the first compilation');
      expect(output).toContain('wrote watched/orderProcessing.asl.json');
      writeFileSync(join(folder.path, 'src/order.ts'), orderSource.replace('A simple AWS', 'An updated AWS'));
      await waitFor(
        () => readFileSync(artifact, 'utf8').includes('An updated AWS'),
        'the artifact to change',
      );
      expect(output).toContain('Change detected; compiling...');
    } finally {
      child.kill();
      writeFileSync(join(folder.path, 'src/order.ts'), orderSource);
    }
  }, 90_000);
});
