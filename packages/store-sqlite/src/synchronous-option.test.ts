import { describe, expect, it } from 'vitest';
import { SqliteStoreOptionError } from './errors';
import { SqliteStore } from './sqlite-store';

describe("SqliteStore's synchronous option", () => {
  it.each([['FUL'], [true], [false], ['full'], ['OFF']])(
    'refuses %j rather than run another level',
    (value) => {
      for (const thread of [true, false]) {
        let thrown: unknown;
        try {
          new SqliteStore({ filename: ':memory:', thread, synchronous: value as never });
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toBeInstanceOf(SqliteStoreOptionError);
        expect(thrown).toMatchObject({ code: 'SQLITE_STORE_OPTION', option: 'synchronous' });
      }
    },
  );

  it('takes FULL and NORMAL', async () => {
    for (const synchronous of ['FULL', 'NORMAL'] as const) {
      const store = new SqliteStore({ filename: ':memory:', thread: false, synchronous });
      await store.init();
      await store.close();
    }
  });
});
