export {
  afterCommits,
  BENCH_TASKS,
  benchChain,
  benchFunction,
  median,
  nextTurn,
  ratioSummary,
} from './bench-chain';
export { approval, notify, tokenBox } from './callback-workflow';
export { type CrashReport, checkCrashOutcome } from './crash-checks';
export { redriveCrashRuns, uninterruptedResults } from './crash-redrives';
export { answerNotified, type CrashRun, crashHandlers, crashRuns } from './crash-workflows';
export { DiscardingStore, engineOneTransitionPerSecond, oneTransitionCeiling } from './engine-alone';
export { batch, eventRow, executionRow, T0 } from './sample-rows';
export { settledRow } from './settled-row';
export { oneTransitionEvents, storeCommitsPerSecond } from './store-commits';
export { describeStoreContract } from './store-contract';
export type { ContractTestApi, StoreFixture } from './test-api';
