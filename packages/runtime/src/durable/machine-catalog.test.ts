import { describe, expect, it } from 'vitest';
import { MachineCatalog } from './machine-catalog';
import { InMemoryDurableStore } from './memory-durable-store';
import { DurableResourceNotFoundError, StoreCorruptionError } from './store-errors';

describe('stored definitions read back', () => {
  it('are corruption, named, when they are not JSON', async () => {
    const store = new InMemoryDurableStore();
    await store.putDefinition('def-1', '{"StartAt": "P", "States": {');
    const catalog = new MachineCatalog(store, 'us-east-1', '123456789012', Math.random, true);
    const read = catalog.definitionText('def-1');
    await expect(read).rejects.toThrow(StoreCorruptionError);
    await expect(catalog.definitionText('def-1')).rejects.toThrow(/corrupted definition def-1: not JSON/);
  });

  it('are read as stored otherwise', async () => {
    const store = new InMemoryDurableStore();
    const text = '{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}';
    await store.putDefinition('def-2', text);
    const catalog = new MachineCatalog(store, 'us-east-1', '123456789012', Math.random, true);
    expect(await catalog.definitionText('def-2')).toBe(text);
  });

  it('are read from the store once by executions that ask together, and a failed read is not kept', async () => {
    class CountingStore extends InMemoryDurableStore {
      reads = 0;
      override getDefinition(definitionId: string): Promise<string | undefined> {
        this.reads++;
        return super.getDefinition(definitionId);
      }
    }
    const store = new CountingStore();
    const text = '{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}';
    await store.putDefinition('def-3', text);
    const catalog = new MachineCatalog(store, 'us-east-1', '123456789012', Math.random, true);
    const texts = await Promise.all(Array.from({ length: 20 }, () => catalog.definitionText('def-3')));
    expect(new Set(texts)).toEqual(new Set([text]));
    expect(store.reads).toBe(1);
    await expect(catalog.definitionText('def-missing')).rejects.toThrow(DurableResourceNotFoundError);
    await expect(catalog.definitionText('def-missing')).rejects.toThrow(DurableResourceNotFoundError);
    expect(store.reads).toBe(3);
  });
});

describe('a new definition started by many executions at once', () => {
  class CountingStore extends InMemoryDurableStore {
    writes = 0;
    failNext = false;
    override async putDefinition(definitionId: string, json: string): Promise<void> {
      this.writes++;
      await new Promise((resolve) => setImmediate(resolve));
      if (this.failNext) {
        this.failNext = false;
        throw new Error('the disk is full');
      }
      return super.putDefinition(definitionId, json);
    }
  }
  const pass = () => ({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } });

  it('is checked, hashed and written once', async () => {
    const store = new CountingStore();
    const catalog = new MachineCatalog(store, 'us-east-1', '123456789012', Math.random, true);
    const definition = pass();
    const stored = await Promise.all(Array.from({ length: 20 }, () => catalog.putDefinition(definition)));
    expect(new Set(stored.map((s) => s.definitionId)).size).toBe(1);
    expect(store.writes).toBe(1);
    // The same text in another object, or as JSON text, is not written again either.
    await Promise.all([catalog.putDefinition(pass()), catalog.putDefinition(JSON.stringify(pass()))]);
    expect(store.writes).toBe(1);
  });

  it('as JSON text, is written once by starts made together', async () => {
    const store = new CountingStore();
    const catalog = new MachineCatalog(store, 'us-east-1', '123456789012', Math.random, true);
    const text = JSON.stringify(pass());
    await Promise.all(Array.from({ length: 20 }, () => catalog.putDefinition(text)));
    expect(store.writes).toBe(1);
  });

  it('is written again by the next start when the shared write failed', async () => {
    const store = new CountingStore();
    store.failNext = true;
    const catalog = new MachineCatalog(store, 'us-east-1', '123456789012', Math.random, true);
    const definition = pass();
    const first = await Promise.allSettled(
      Array.from({ length: 5 }, () => catalog.putDefinition(definition)),
    );
    expect(first.map((r) => r.status)).toEqual(Array(5).fill('rejected'));
    expect(store.writes).toBe(1);
    const { definitionId } = await catalog.putDefinition(definition);
    expect(store.writes).toBe(2);
    expect(await store.getDefinition(definitionId)).toBe(JSON.stringify(definition));
  });

  it('that is invalid fails every start, each checked anew', async () => {
    const catalog = new MachineCatalog(new CountingStore(), 'us-east-1', '123456789012', Math.random, true);
    const broken = { StartAt: 'Missing', States: { P: { Type: 'Pass', End: true } } };
    await expect(catalog.putDefinition(broken)).rejects.toThrow(/Missing/);
    await expect(catalog.putDefinition(broken)).rejects.toThrow(/Missing/);
  });
});

describe('creating a state machine, as AWS does', () => {
  const pass = (result: string) => ({
    StartAt: 'P',
    States: { P: { Type: 'Pass', Result: result, End: true } },
  });

  it('answers with the machine for the same definition, and refuses another one', async () => {
    const store = new InMemoryDurableStore();
    const catalog = new MachineCatalog(store, 'us-east-1', '123456789012', Math.random, true);
    const created = await catalog.createStateMachine('Orders', pass('v1'), 1000);
    expect(await catalog.createStateMachine('Orders', pass('v1'), 2000)).toEqual(created);
    await expect(catalog.createStateMachine('Orders', pass('v2'), 3000)).rejects.toMatchObject({
      code: 'STATE_MACHINE_ALREADY_EXISTS',
      awsName: 'StateMachineAlreadyExists',
      stateMachineArn: created.stateMachineArn,
    });
    // The machine is as first created; updateStateMachine is what changes it.
    expect(await store.getStateMachine(created.stateMachineArn)).toEqual(created);
    const updated = await catalog.updateStateMachine(created.stateMachineArn, pass('v2'));
    expect(updated.definitionId).not.toBe(created.definitionId);
  });
});

describe('publishing a version, as AWS does', () => {
  const pass = (result: string) => ({
    StartAt: 'P',
    States: { P: { Type: 'Pass', Result: result, End: true } },
  });

  it('publishes a definition once: publishing again without a change answers with that version', async () => {
    const store = new InMemoryDurableStore();
    const catalog = new MachineCatalog(store, 'us-east-1', '123456789012', Math.random, true);
    const machine = await catalog.createStateMachine('Orders', pass('v1'), 1000);
    const v1 = await catalog.publishVersion(machine.stateMachineArn, 'first', 2000);
    expect(await catalog.publishVersion(machine.stateMachineArn, undefined, 3000)).toEqual(v1);
    await catalog.updateStateMachine(machine.stateMachineArn, pass('v2'));
    const v2 = await catalog.publishVersion(machine.stateMachineArn, undefined, 4000);
    expect([v1.version, v2.version]).toEqual([1, 2]);
    expect(await store.listVersions(machine.stateMachineArn)).toHaveLength(2);
  });
});
