import { defineConfig } from 'tsup';

export default defineConfig({
  // The writer thread's entry is built beside the package's, so SqliteStore finds it next to itself.
  entry: ['src/index.ts', 'src/sqlite-thread.ts'],
  format: ['esm', 'cjs'],
  // `import.meta.url` locates the thread's file; the CommonJS build needs it shimmed.
  shims: true,
  // tsup's declaration build still sets baseUrl, which TypeScript 6 flags as deprecated.
  dts: { entry: 'src/index.ts', compilerOptions: { ignoreDeprecations: '6.0' } },
  clean: true,
  sourcemap: true,
  target: 'node20',
});
