import { createDurableRuntime } from '@stepwise/runtime';
import { approval, tokenBox } from '@stepwise/runtime/store-contract';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PostgresStore } from './postgres-store';
import { dropSchema, SKIP_REASON, TEST_POSTGRES_URL, uniqueSchema } from './test-database';
import { pgText } from './text-values';

if (!TEST_POSTGRES_URL) console.log(SKIP_REASON);

describe('pgText', () => {
  it('writes U+0000 as U+FFFD and leaves any other text as it is', () => {
    expect(pgText('a\u0000b\u0000')).toBe('a\uFFFDb\uFFFD');
    const text = 'half an emoji \ud83d, a tab\t';
    expect(pgText(text)).toBe(text);
    expect(pgText(null)).toBeNull();
  });
});

describe.skipIf(!TEST_POSTGRES_URL)('an error or cause holding U+0000, on PostgreSQL', () => {
  const fn = 'arn:aws:lambda:us-east-1:123456789012:function:nul';
  let store: PostgresStore;
  beforeEach(async () => {
    store = new PostgresStore({ connectionString: TEST_POSTGRES_URL, schema: uniqueSchema('nul') });
    await store.init();
  });
  afterEach(async () => {
    await store.close();
    await dropSchema(store.schema);
  });

  it('ends the execution FAILED, the character written as U+FFFD', async () => {
    let calls = 0;
    const runtime = createDurableRuntime({
      store,
      handlers: {
        [fn]: () => {
          calls++;
          throw new Error('a NUL \u0000 here');
        },
      },
    });
    try {
      const run = await runtime.startExecution({
        StartAt: 'T',
        States: { T: { Type: 'Task', Resource: fn, End: true } },
      });
      expect(await run.result()).toMatchObject({ status: 'FAILED', error: 'Error' });
      // Committed once, not tried again and again with the handler run each time.
      expect(calls).toBe(1);
      expect(await store.getExecution(run.executionArn)).toMatchObject({
        status: 'FAILED',
        cause: 'a NUL \uFFFD here',
      });
    } finally {
      await runtime.close();
    }
  });

  it('takes such a task failure and such a stop', async () => {
    const { tokens, handlers } = tokenBox();
    const runtime = createDurableRuntime({ store, handlers });
    try {
      const answered = await runtime.startExecution(approval);
      const stopped = await runtime.startExecution(approval);
      while (tokens.length < 2) await new Promise((resolve) => setTimeout(resolve, 10));
      await runtime.sendTaskFailure(tokens[0] as string, 'Bad\u0000', 'cause\u0000');
      expect(await answered.result()).toEqual({ status: 'FAILED', error: 'Bad\uFFFD', cause: 'cause\uFFFD' });
      await runtime.stopExecution(stopped.executionArn, { error: 'Stop\u0000', cause: 'why\u0000' });
      expect(await stopped.result()).toEqual({ status: 'ABORTED', error: 'Stop\uFFFD', cause: 'why\uFFFD' });
    } finally {
      await runtime.close();
    }
  });
});
