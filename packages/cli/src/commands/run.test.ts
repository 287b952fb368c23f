import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from '../test-support/built-binary';
import { orderDefinition as orderProcessing } from '../test-support/order-definition';
import { tempDir } from '../test-support/temp-dir';

const folder = tempDir({
  'order.asl.json': JSON.stringify(orderProcessing, null, 2),
  'handlers.ts': [
    'type Order = { id: number };',
    'export default {',
    "  'arn:aws:lambda:region:account-id:function:ValidateOrderFunction': async (order: Order) => ({ ...order, inStock: order.id !== 0 }),",
    "  'arn:aws:lambda:region:account-id:function:ProcessPaymentFunction': async (order: Order) => {",
    "    if (order.id < 0) throw Object.assign(new Error('card declined'), { name: 'PaymentDeclined' });",
    '    return { ...order, paid: true };',
    '  },',
    "  'arn:aws:lambda:*': async (input: unknown) => input,",
    '};',
  ].join('\n'),
  'input.json': '{"id": 7}',
  'big-input.json': JSON.stringify({ text: 'x'.repeat(300_000) }),
  'broken.asl.json': '{"StartAt": "A", "States": {,}}',
  'wait.asl.json': JSON.stringify({
    StartAt: 'Nap',
    States: { Nap: { Type: 'Wait', Seconds: 86400, End: true } },
  }),
  'invalid.asl.json': JSON.stringify({ StartAt: 'Nowhere', States: { A: { Type: 'Succeed' } } }, null, 2),
});

beforeAll(ensureBuilt, 180_000);
afterAll(() => folder.remove());

describe('stepwise run', () => {
  it('runs the workflow with the handlers module and prints the output', async () => {
    const run = await runCli(['run', 'order.asl.json', '--input', '{"id": 1}', '--handlers', 'handlers.ts'], {
      cwd: folder.path,
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ id: 1, inStock: true, paid: true });
    expect(run.stderr).toBe('');
  });

  it('reads the input from --input-file', async () => {
    const run = await runCli(
      ['run', 'order.asl.json', '--input-file', 'input.json', '--handlers', 'handlers.ts'],
      {
        cwd: folder.path,
      },
    );
    expect(JSON.parse(run.stdout)).toEqual({ id: 7, inStock: true, paid: true });
  });

  it('refuses a handlers module that does not exist as a usage error', async () => {
    const run = await runCli(['run', 'wait.asl.json', '--handlers', 'nowhere.ts'], { cwd: folder.path });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('error Cannot read nowhere.ts: no such file.\n');
  });

  it('names the file, line and column of a JSON syntax error', async () => {
    const run = await runCli(['run', 'broken.asl.json'], { cwd: folder.path });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('error broken.asl.json:1:29 - Expected a property name in double quotes\n');
  });

  it('refuses an input over 256 KiB as StartExecution does, as a usage error', async () => {
    const run = await runCli(['run', 'wait.asl.json', '--input-file', 'big-input.json'], {
      cwd: folder.path,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('over the limit of 262144 bytes (256 KiB)');
  });

  it('prints status, error, cause and history with --json, and exits 1 when the execution fails', async () => {
    const run = await runCli(
      ['run', 'order.asl.json', '--input', '{"id": -1}', '--handlers', 'handlers.ts', '--json'],
      {
        cwd: folder.path,
      },
    );
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ status: 'FAILED', error: 'PaymentDeclined' });
    expect(report.cause).toContain('card declined');
    expect(report.history[0]).toMatchObject({ id: 1, previousEventId: 0, type: 'ExecutionStarted' });
    expect(report.history.at(-1).type).toBe('ExecutionFailed');
  });

  it('says why the execution failed on stderr without --json', async () => {
    const run = await runCli(
      ['run', 'order.asl.json', '--input', '{"id": -1}', '--handlers', 'handlers.ts'],
      {
        cwd: folder.path,
      },
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^Execution FAILED: PaymentDeclined\n.*card declined/);
  });

  it('skips a day-long Wait with --virtual-time', async () => {
    const started = Date.now();
    const run = await runCli(['run', 'wait.asl.json', '--input', '{"slept": true}', '--virtual-time'], {
      cwd: folder.path,
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ slept: true });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('runs nothing from an invalid definition and shows its findings', async () => {
    const run = await runCli(['run', 'invalid.asl.json'], { cwd: folder.path });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('invalid.asl.json:2:3 - error MISSING_TRANSITION_TARGET');
  });

  it('exits 2 when --input is not JSON', async () => {
    const run = await runCli(['run', 'order.asl.json', '--input', '{oops'], { cwd: folder.path });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('error --input is not JSON: {oops\n');
  });
});
