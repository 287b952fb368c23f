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
