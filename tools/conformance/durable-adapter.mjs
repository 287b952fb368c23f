// Conformance adapter for the durable runtime: runs each Standard case on the built
// createDurableRuntime over a SQLite file of its own, so every transition goes through the
// commit path and the history read back is the one stored. Express executions are not durable:
// those cases run on the in-memory runtime, as the other adapter runs them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDurableRuntime, createVirtualClock } from '../../packages/runtime/dist/index.js';
import { SqliteStore } from '../../packages/store-sqlite/dist/index.js';
import runInMemory, { handlersOf, isExpress, summarise } from './adapter.mjs';

const EXECUTION_ARN = 'arn:aws:states:us-east-1:111111111111:execution:test_state_machine:test_execution';
const MACHINE_ARN = 'arn:aws:states:us-east-1:111111111111:stateMachine:test_state_machine';

export default async function run(testCase) {
  if (isExpress(testCase)) return runInMemory(testCase);
  const context = testCase.context ?? {};
  const dir = mkdtempSync(join(tmpdir(), 'stepwise-conformance-'));
  const store = new SqliteStore({ filename: join(dir, 'case.db'), synchronous: 'NORMAL', thread: false });
  const runtime = createDurableRuntime({
    store,
    handlers: handlersOf(testCase),
    clock: createVirtualClock({ start: Date.parse('2024-01-01T00:00:00Z') }),
    region: 'us-east-1',
    accountId: '111111111111',
    roleArn: context.Execution?.RoleArn ?? 'arn:aws:iam::111111111111:role/test-sfn-role',
  });
  try {
    let execution;
    try {
      execution = await runtime.startExecution(testCase.definition, {
        input: testCase.input,
        name: context.Execution?.Name ?? 'test_execution',
        executionArn: context.Execution?.Id ?? EXECUTION_ARN,
        stateMachineArn: context.StateMachine?.Id ?? MACHINE_ARN,
      });
    } catch (error) {
      return {
        status: 'FAILED',
        error: 'Stepwise.InvalidDefinition',
        cause: String(error?.message ?? error),
      };
    }
    const result = await execution.result();
    return { ...result, events: (await execution.history()).map(summarise) };
  } finally {
    await runtime.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
