// Runs the pipeline on the committed sample and prints what it made: `pnpm demo [outputDir]`.
import { fileURLToPath } from 'node:url';
import { createRuntime } from '@stepwise/runtime';
import { imageFunctions } from './handlers';
import { imageProcessing } from './workflow';

const source = fileURLToPath(new URL('./fixtures/sample.png', import.meta.url));
const outputDir = process.argv[2] ?? fileURLToPath(new URL('./out', import.meta.url));
const runtime = createRuntime({ lambdaFunctions: imageFunctions });
const result = await runtime.execute(imageProcessing, { input: { source, outputDir } });
console.log(JSON.stringify(result, null, 2));
