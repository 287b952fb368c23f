import { defineConfig } from 'tsup';

export default defineConfig({
  // The binary and the library share chunks; heavy dependencies stay behind
  // dynamic imports so that `stepwise --version` loads almost nothing.
  entry: { index: 'src/index.ts', bin: 'src/bin.ts' },
  format: ['esm', 'cjs'],
  // tsup's declaration build still sets baseUrl, which TypeScript 6 flags as deprecated.
  dts: { entry: { index: 'src/index.ts' }, compilerOptions: { ignoreDeprecations: '6.0' } },
  clean: true,
  sourcemap: true,
  target: 'node20',
});
