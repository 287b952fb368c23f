import { describe, expect, it } from 'vitest';
import { createDurableRuntime } from '../durable/durable-runtime';
import { InMemoryDurableStore } from '../durable/memory-durable-store';
import { createRuntime } from '../engine/runtime';
import { checkName, InvalidNameError } from './aws-names';

const refusal = (resource: Parameters<typeof checkName>[0], name: unknown) => {
  try {
    checkName(resource, name);
  } catch (error) {
    return error;
  }
  return undefined;
};

describe('names, as AWS takes them', () => {
  it.each(['order-7', 'Order_7.v2', 'ünïcode', 'emoji-\u{1F600}', 'a'.repeat(80)])(
    'takes %j for an execution',
    (name) => {
      expect(refusal('execution', name)).toBeUndefined();
      expect(refusal('state machine', name)).toBeUndefined();
    },
  );

  it.each([
    ['', /1 to 80/],
    ['a'.repeat(81), /1 to 80/],
    ['has space', /white space/],
    ['a:b', /white space/],
    ['a/b', /white space/],
    ['tab\there', /white space/],
    ['nul\u0000', /control/],
    ['del\u007f', /control/],
    ['half\ud800', /lone surrogate/],
    ['\udc00low', /lone surrogate/],
    [5, /a string/],
  ])('refuses %j with InvalidNameError', (name, why) => {
    const error = refusal('execution', name);
    expect(error).toBeInstanceOf(InvalidNameError);
    expect(error).toMatchObject({
      code: 'INVALID_NAME',
      awsName: 'InvalidName',
      resource: 'execution',
      given: name,
    });
    expect((error as Error).message).toMatch(why);
  });

  it('takes an alias of letters, digits, _ . - but not digits alone', () => {
    expect(refusal('alias', 'live-2.0_b')).toBeUndefined();
    for (const name of ['2', '123', 'has space', 'a:b', '']) {
      expect(refusal('alias', name)).toBeInstanceOf(InvalidNameError);
    }
  });
});

describe('a durable runtime refuses bad names and alias routes before storing anything', () => {
  it('for executions, state machines and aliases', async () => {
    const store = new InMemoryDurableStore();
    const runtime = createDurableRuntime({ store });
    const pass = { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } };
    await expect(runtime.startExecution(pass, { name: 'a:b' })).rejects.toBeInstanceOf(InvalidNameError);
    await expect(runtime.createStateMachine('has space', pass)).rejects.toBeInstanceOf(InvalidNameError);
    const machine = await runtime.createStateMachine('Orders', pass);
    const v1 = await runtime.publishStateMachineVersion(machine.stateMachineArn);
    const route = [{ versionArn: v1.versionArn, weight: 100 }];
    // Read as version 2 of the machine, an alias named "2" could never be reached.
    await expect(runtime.putStateMachineAlias(machine.stateMachineArn, '2', route)).rejects.toBeInstanceOf(
      InvalidNameError,
    );
    for (const routing of [
      undefined,
      [null],
      'v1',
      [
        { versionArn: v1.versionArn, weight: 33.3 },
        { versionArn: v1.versionArn, weight: 66.7 },
      ],
      [
        { versionArn: v1.versionArn, weight: 50 },
        { versionArn: v1.versionArn, weight: 50 },
      ],
    ]) {
      await expect(
        runtime.putStateMachineAlias(machine.stateMachineArn, 'live', routing as never),
      ).rejects.toMatchObject({ code: 'INVALID_ALIAS_ROUTING' });
    }
    expect(await store.listExecutions()).toEqual([]);
    await runtime.close();
  });

  it('for activities, in the durable runtime and in memory', async () => {
    const store = new InMemoryDurableStore();
    const durable = createDurableRuntime({ store });
    const inMemory = createRuntime();
    for (const runtime of [durable, inMemory]) {
      for (const name of ['bad name', 'a:b', '', undefined]) {
        await expect(runtime.createActivity({ name: name as string })).rejects.toMatchObject({
          code: 'INVALID_NAME',
          resource: 'activity',
        });
      }
      expect((await runtime.createActivity({ name: 'resize-images' })).activityArn).toMatch(
        /:activity:resize-images$/,
      );
    }
    expect(await store.getActivity('arn:aws:states:us-east-1:123456789012:activity:a:b')).toBeUndefined();
    await durable.close();
  });
});
