import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// CI asks for a JSON report beside the console output so it can count tests.
const reportDir = process.env.STEPWISE_TEST_REPORT_DIR;
const reportName = process.env.STEPWISE_TEST_REPORT_NAME ?? 'unit';

export default defineConfig({
  resolve: {
    // Workspace packages expose their TypeScript sources under the "source"
    // condition, so tests run against src without a build step.
    conditions: ['source'],
  },
  ssr: {
    // Tests run in Vite's SSR graph, which resolves with its own conditions.
    resolve: { conditions: ['source'], externalConditions: ['source'] },
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'examples/*/**/*.test.ts', 'tools/*/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    typecheck: {
      include: ['packages/*/src/**/*.test-d.ts', 'examples/*/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
    reporters: reportDir
      ? ['default', ['json', { outputFile: join(reportDir, `${reportName}.json`) }]]
      : ['default'],
    testTimeout: 20000,
    // Vitest 3 leaves a CPU to itself, which on two CPUs runs the files one at a time; its own
    // process mostly waits, and the longest files wait on child processes and disks.
    maxWorkers: availableParallelism(),
    minWorkers: 1,
  },
});
