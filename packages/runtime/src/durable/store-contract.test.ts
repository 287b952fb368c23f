import { afterEach, beforeEach, describe, it } from 'vitest';
import { describeStoreContract } from './contract/store-contract';
import { InMemoryDurableStore } from './memory-durable-store';

describeStoreContract(
  'In-memory',
  { open: async () => new InMemoryDurableStore(), dispose: async (store) => store.close() },
  { describe, it, beforeEach, afterEach },
);
