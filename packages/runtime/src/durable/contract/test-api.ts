/** The part of a test runner's API the contract suite needs (vitest and node:test both fit). */
export interface ContractTestApi {
  describe(name: string, body: () => void): void;
  it(name: string, body: () => Promise<void> | void): void;
  beforeEach(body: () => Promise<void> | void): void;
  afterEach(body: () => Promise<void> | void): void;
}

/** Opens a fresh, empty store for one test; `dispose` removes whatever it created. */
export interface StoreFixture<S> {
  open(): Promise<S>;
  dispose(store: S): Promise<void>;
}
