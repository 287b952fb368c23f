import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Workspace packages expose their TypeScript sources under the "source"
    // condition, so tests run against src without a build step.
    conditions: ['source'],
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'examples/*/**/*.test.ts', 'tools/*/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    typecheck: {
      include: ['packages/*/src/**/*.test-d.ts', 'examples/*/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
    testTimeout: 20000,
  },
});
